import { loadMessages } from '../messages';
import type { Io } from '../output';
import { checkTargetOrgs } from './flagChecks';

const messages = loadMessages('orgFlags');

/**
 * The orgs a command works on: `-o` as given, or, as every sf command does when `--target-org` is
 * absent, the sf CLI's default org: `target-org` from @salesforce/core's ConfigAggregator, which
 * reads `sf config set target-org` (project, then global) and the SF_TARGET_ORG environment
 * variable. A default org is said on stderr (not in --json's stdout), so nobody deploys to an org
 * they did not name without being told which.
 */
export const targetOrgsOf = async (given: string[] | undefined, io: Io, json: boolean): Promise<string[]> => {
  if (given !== undefined) return given;
  // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: --help and the offline commands never load core (test/startup)
  const { ConfigAggregator } = require('@salesforce/core') as typeof import('@salesforce/core');
  const aggregator = await ConfigAggregator.create();
  // create() hands back the process's cached aggregator: reload so SF_TARGET_ORG and the config
  // files are read as they are now (one process may run the CLI many times).
  await aggregator.reload();
  const info = aggregator.getInfo('target-org');
  const value = typeof info.value === 'string' ? info.value : undefined;
  if (!value?.trim()) throw messages.createError('error.NoTargetOrg');
  const orgs = checkTargetOrgs([value]);
  const from = info.isEnvVar() ? 'SF_TARGET_ORG' : info.isLocal() ? 'the project’s sf config' : 'the global sf config';
  if (!json) io.stderr(messages.getMessage('info.DefaultTargetOrg', [orgs[0], from]));
  return orgs;
};
