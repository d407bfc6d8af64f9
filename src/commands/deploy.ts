import { setMaxListeners } from 'node:events';
import { loadMessages } from '../messages/loadMessages';
import { findProjectDir } from '../check/findProjectDir';
import { deployJunit } from '../drift/deployJunit';
import { junitTarget, writeJunit } from '../drift/junit';
import { EXIT_CODES } from '../output/exitCodes';
import type { DeployEvent } from '../org/apply/deployToOrg';
import { formatDeployResult } from '../org/apply/formatDeployResult';
import { defineCommand, GlobalArgs } from './commandSpec';
import { checkDeployId, checkPathFlag, checkWaitMinutes } from './flagChecks';
import { examplesFrom, OrgFlags, withOrgFlags } from './orgFlags';

const messages = loadMessages('deploy');

type DeployArgs = GlobalArgs &
  OrgFlags & {
    'dry-run': boolean;
    'add-required-permissions': boolean;
    resume: string | undefined;
    wait: string;
    junit: string | undefined;
  };

export const deployCommand = defineCommand<DeployArgs>({
  command: 'deploy',
  usesSalesforceLibraries: true,
  describe: messages.getMessage('summary'),
  builder: (y) =>
    withOrgFlags(y)
      .option('dry-run', { type: 'boolean', default: false, describe: messages.getMessage('flags.dry-run') })
      .option('add-required-permissions', {
        type: 'boolean',
        default: false,
        describe: messages.getMessage('flags.add-required-permissions'),
      })
      .option('resume', { type: 'string', describe: messages.getMessage('flags.resume') })
      .option('wait', { type: 'string', default: '33', describe: messages.getMessage('flags.wait') })
      .option('junit', { type: 'string', describe: messages.getMessage('flags.junit') })
      .example(examplesFrom(messages.getMessages('examples'))),
  run: async (args, io) => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: --help and the other commands never load this (test/startup)
    const { deployOrgs } = require('../org/apply/deployOrgs') as typeof import('../org/apply/deployOrgs');
    const abort = new AbortController();
    // One signal serves every org of the run (up to 16 at once), each adding its own abort listener.
    setMaxListeners(64, abort.signal);
    // Ctrl-C or SIGTERM: nothing more is sent after the current call. Before the deploy call
    // nothing is sent at all; a running deploy is canceled in the org (cancelDeploy) rather than
    // left running unseen; during user setup the next write is not made.
    const onInterrupt = (): void => {
      if (abort.signal.aborted) return;
      io.stderr(
        'Interrupted: asking the org to cancel the deploy if one is running, and stopping before the next change…'
      );
      abort.abort();
    };
    // once: a second Ctrl-C ends the process the usual way.
    process.once('SIGINT', onInterrupt);
    process.once('SIGTERM', onInterrupt);
    const junit = args.junit === undefined ? undefined : junitTarget(checkPathFlag('--junit', args.junit));
    try {
      const projectDir = findProjectDir();
      const result = await deployOrgs({
        projectDir,
        targetOrgs: args['target-org'],
        vendors: args.vendor,
        valuesFile: args.values,
        dryRun: args['dry-run'],
        addRequiredPermissions: args['add-required-permissions'],
        ...(args.resume === undefined ? {} : { resumeId: checkDeployId(args.resume, args['target-org']) }),
        concurrency: args.concurrency,
        waitMs: checkWaitMinutes(args.wait) * 60_000,
        signal: abort.signal,
        ...(junit ? { outputs: [junit] } : {}),
        ...(args.json ? {} : { onEvent: (e: DeployEvent): void => io.stderr(`[${e.org}] ${e.phase}: ${e.message}`) }),
      });
      // After the orgs changed, a file that cannot be written is reported after the result, never instead of it.
      const written = junit ? writeJunit(junit, projectDir, deployJunit(result)) : undefined;
      const errorsAfter = [...(result.unwritten ?? []), ...(written && 'failure' in written ? [written.failure] : [])];
      return {
        exitCode: errorsAfter.length && result.exitCode === EXIT_CODES.ok ? EXIT_CODES.failed : result.exitCode,
        result,
        human: formatDeployResult(result),
        warnings: [],
        notes: written && 'note' in written ? [written.note] : [],
        ...(errorsAfter.length ? { errorsAfter } : {}),
      };
    } finally {
      process.removeListener('SIGINT', onInterrupt);
      process.removeListener('SIGTERM', onInterrupt);
    }
  },
});
