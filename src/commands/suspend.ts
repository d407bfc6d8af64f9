import { Messages } from '@salesforce/core';
import { findProjectDir } from '../check';
import { formatLifecycleResult } from '../lifecycle/formatLifecycle';
import { suspendOrgs } from '../lifecycle/suspendOrgs';
import { defineCommand } from './commandSpec';
import { LifecycleArgs, withInterrupt, withLifecycleFlags } from './lifecycleFlags';
import { examplesFrom } from './orgFlags';

Messages.importMessagesDirectory(__dirname);
const messages = Messages.loadMessages('vendor-access', 'lifecycle');

export const suspendCommand = defineCommand<LifecycleArgs>({
  command: 'suspend',
  describe: messages.getMessage('summary.suspend'),
  builder: (y) => withLifecycleFlags(y).example(examplesFrom(messages.getMessages('examples.suspend'))),
  run: async (args, io) => {
    const result = await withInterrupt(io, (signal) =>
      suspendOrgs({
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
