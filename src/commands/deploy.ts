import { Messages } from '@salesforce/core';
import { findProjectDir } from '../check';
import { deployOrgs } from '../org/deployOrgs';
import type { DeployEvent } from '../org/deployToOrg';
import { formatDeployResult } from '../org/formatDeployReport';
import { defineCommand, GlobalArgs } from './commandSpec';

Messages.importMessagesDirectory(__dirname);
const messages = Messages.loadMessages('vendor-access', 'deploy');

type DeployArgs = GlobalArgs & { 'target-org': string[]; vendor: string[]; values: string; 'dry-run': boolean; resume: string | undefined; concurrency: number };

export const deployCommand = defineCommand<DeployArgs>({
  command: 'deploy',
  describe: messages.getMessage('summary'),
  builder: (y) =>
    y
      .option('target-org', { alias: 'o', type: 'string', array: true, demandOption: true, describe: messages.getMessage('flags.target-org') })
      .option('vendor', { type: 'string', array: true, default: ['all'], describe: messages.getMessage('flags.vendor') })
      .option('values', { type: 'string', demandOption: true, describe: messages.getMessage('flags.values') })
      .option('dry-run', { type: 'boolean', default: false, describe: messages.getMessage('flags.dry-run') })
      .option('resume', { type: 'string', describe: messages.getMessage('flags.resume') })
      .option('concurrency', { type: 'number', default: 2, describe: messages.getMessage('flags.concurrency') })
      .example(messages.getMessages('examples').map((e) => [e.replace(/^.*?: /, ''), e.replace(/:.*$/, '')] as [string, string])),
  run: async (args, io) => {
    const abort = new AbortController();
    // Ctrl-C cancels the deploy in the org (cancelDeploy) instead of leaving it running unseen.
    const onInterrupt = (): void => {
      io.stderr('Interrupted: asking the org to cancel the deploy…');
      abort.abort();
    };
    process.once('SIGINT', onInterrupt);
    try {
      const result = await deployOrgs({
        projectDir: findProjectDir(),
        targetOrgs: args['target-org'],
        vendors: args.vendor,
        valuesFile: args.values,
        dryRun: args['dry-run'],
        ...(args.resume ? { resumeId: args.resume } : {}),
        concurrency: args.concurrency,
        signal: abort.signal,
        ...(args.json ? {} : { onEvent: (e: DeployEvent) => io.stderr(`[${e.org}] ${e.phase}: ${e.message}`) }),
      });
      return { exitCode: result.exitCode, result, human: formatDeployResult(result), warnings: [] };
    } finally {
      process.removeListener('SIGINT', onInterrupt);
    }
  },
});
