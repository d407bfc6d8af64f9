import { AuthInfo, Connection, Org, SfError } from '@salesforce/core';
import { loadMessages } from '../../messages';
import { checkOrgUrl } from './orgUrl';

const messages = loadMessages('org');

/** The API version every org call uses: the project's sourceApiVersion, so nothing asks the internet. */
export const DEFAULT_API_VERSION = '64.0';

// @salesforce/core's accessTokenRegex (util/sfdc.ts): an access token starts with the 15/18-char org id.
const ACCESS_TOKEN = /^00D\w{12,15}![.\w]*$/;

/** Whether `text` is an access token (never a username, never put in a query or a file name). */
export const isAccessToken = (text: string): boolean => ACCESS_TOKEN.test(text);

/** How an org is named in output and file names: an access token is never shown, only its org id. */
export const orgLabel = (targetOrg: string): string =>
  ACCESS_TOKEN.test(targetOrg) ? `${targetOrg.split('!')[0] ?? 'org'} (access token)` : targetOrg;

export type OrgConnection = {
  targetOrg: string;
  username: string;
  orgId: string;
  instanceUrl: string;
  connection: Connection;
};

/**
 * Connects to `--target-org` the way the sf CLI does: an alias or username from the shared sf auth
 * store (~/.sf, ~/.sfdx), or, for pipelines, an access token with SF_ORG_INSTANCE_URL set.
 * The token is never echoed in messages.
 */
export const connectOrg = async (
  targetOrg: string,
  options: { apiVersion?: string; env?: NodeJS.ProcessEnv } = {}
): Promise<OrgConnection> => {
  const env = options.env ?? process.env;
  const version = options.apiVersion ?? DEFAULT_API_VERSION;
  if (ACCESS_TOKEN.test(targetOrg)) {
    const instanceUrl = env.SF_ORG_INSTANCE_URL;
    if (!instanceUrl) throw messages.createError('error.AccessTokenWithoutInstanceUrl');
    // The token is sent with every request: https only (loopback aside), checked before the first.
    checkOrgUrl(instanceUrl, 'SF_ORG_INSTANCE_URL');
    const authInfo = await AuthInfo.create({
      username: targetOrg,
      accessTokenOptions: { accessToken: targetOrg, instanceUrl, loginUrl: instanceUrl },
    });
    const connection = await Connection.create({ authInfo, connectionOptions: { version } });
    return {
      targetOrg: orgLabel(targetOrg),
      username: orgLabel(authInfo.getUsername()),
      orgId: targetOrg.split('!')[0] ?? '',
      instanceUrl,
      connection,
    };
  }
  let org: Org;
  try {
    org = await Org.create({ aliasOrUsername: targetOrg });
  } catch (err) {
    const sfError = SfError.wrap(err instanceof Error ? err : String(err));
    if (sfError.name === 'NamedOrgNotFoundError' || sfError.name === 'NoAuthInfoFoundError')
      throw messages.createError('error.OrgNotFound', [targetOrg], [targetOrg]);
    throw sfError;
  }
  const connection = org.getConnection(version);
  // A login stored with a plain-http instance URL (sf org login access-token --instance-url http://…) is refused too.
  checkOrgUrl(connection.instanceUrl, `the instance URL of the sf login ${targetOrg}`);
  return {
    targetOrg,
    username: org.getUsername() ?? targetOrg,
    orgId: org.getOrgId(),
    instanceUrl: connection.instanceUrl,
    connection,
  };
};
