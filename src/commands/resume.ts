import { Messages } from '@salesforce/core';
import { findProjectDir } from '../check';
import { formatLifecycleResult } from '../lifecycle/formatLifecycle';
import { resumeOrgs } from '../lifecycle/resumeOrgs';
import { defineCommand } from './commandSpec';
import { LifecycleArgs, withInterrupt, withLifecycleFlags } from './lifecycleFlags';
import { examplesFrom } from './orgFlags';

Messages.importMessagesDirectory(__dirname);
const messages = Messages.loadMessages('vendor-access', 'lifecycle');

export const resumeCommand = defineCommand<LifecycleArgs>({
  command: 'resume',
  describe: messages.getMessage('summary.resume'),
  builder: (y) => withLifecycleFlags(y).example(examplesFrom(messages.getMessages('examples.resume'))),
  run: async (args, io) => {
    const result = await withInterrupt(io, (signal) =>
      resumeOrgs({
        projectDir: findProjectDir(),
        targetOrgs: args['target-org'],
        vendors: args.vendor,
        valuesFile: args.values,
        dryRun: args['dry-run'],
        concurrency: args.concurrency,
        signal,
        ...(args.json ? {} : { onEvent: (org: string, message: string) => io.stderr(`[${org}] ${message}`) }),
      }),
    );
    return { exitCode: result.exitCode, result, human: formatLifecycleResult(result), warnings: [] };
  },
});
