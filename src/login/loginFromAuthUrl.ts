import { AuthInfo, StateAggregator } from '@salesforce/core';
import { loadMessages } from '../messages';
import { EXIT_CODES, ExitCode } from '../output';
import { orgError, type OrgError } from '../org';

const messages = loadMessages('login');

/** One org to log in: its sf alias, and the environment variable holding its sfdx auth URL. */
export type AuthUrlLogin = { alias: string; authUrlEnv: string };
export type AuthUrlLoginResult = {
  exitCode: ExitCode;
  logins: Array<{ alias: string; ok: true; username: string } | { alias: string; ok: false; error: OrgError }>;
};

/**
 * Logs each org in from its sfdx auth URL (`force://<clientId>:<clientSecret>:<refreshToken>@<host>`,
 * what `sf org display --verbose` prints), the way `sf org login sfdx-url` does it with the
 * library @salesforce/core: AuthInfo.parseSfdxAuthUrl, AuthInfo.create with those oauth2Options (a refresh-token
 * grant against the host, then the user's name from userinfo), saved to the sf auth store under the
 * alias. The URL is read from an environment variable, never a flag (it would show in `ps`), and is
 * never printed: a malformed one is named by its variable only.
 */
export const loginFromAuthUrls = async (
  logins: AuthUrlLogin[],
  env: NodeJS.ProcessEnv = process.env
): Promise<AuthUrlLoginResult> => {
  const results: AuthUrlLoginResult['logins'] = [];
  for (const { alias, authUrlEnv } of logins) {
    const authUrl = env[authUrlEnv]?.trim() ?? '';
    try {
      if (!authUrl) throw messages.createError('error.AuthUrlMissing', [authUrlEnv, alias]);
      let oauth2Options: ReturnType<typeof AuthInfo.parseSfdxAuthUrl>;
      try {
        oauth2Options = AuthInfo.parseSfdxAuthUrl(authUrl);
      } catch {
        // core's own message is safe, but its wording is about the CLI; ours names the variable.
        throw messages.createError('error.AuthUrlMalformed', [authUrlEnv, alias]);
      }
      let authInfo: AuthInfo;
      try {
        // eslint-disable-next-line no-await-in-loop -- one org after another: each writes the shared auth store
        authInfo = await AuthInfo.create({ oauth2Options });
      } catch (err) {
        throw messages.createError('error.AuthUrlRefused', [alias, authUrlEnv, (err as Error).message]);
      }
      // eslint-disable-next-line no-await-in-loop -- as above
      await authInfo.save();
      const username = authInfo.getUsername() ?? '';
      // eslint-disable-next-line no-await-in-loop -- as above
      await (await StateAggregator.getInstance()).aliases.setAndSave(alias, username);
      results.push({ alias, ok: true, username });
    } catch (err) {
      results.push({ alias, ok: false, error: orgError(err) });
    }
  }
  return { exitCode: results.every((r) => r.ok) ? EXIT_CODES.ok : EXIT_CODES.failed, logins: results };
};
