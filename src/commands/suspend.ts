import { loadMessages } from '../output/loadMessages';
import { findProjectDir } from '../check/findProjectDir';
import { formatLifecycleResult } from '../lifecycle/formatLifecycle';
import { defineCommand } from './commandSpec';
import { LifecycleArgs, withInterrupt, withLifecycleFlags } from './lifecycleFlags';
import { examplesFrom } from './orgFlags';

const messages = loadMessages('lifecycle');

export const suspendCommand = defineCommand<LifecycleArgs>({
  command: 'suspend',
  usesSalesforceLibraries: true,
  describe: messages.getMessage('summary.suspend'),
  builder: (y) => withLifecycleFlags(y).example(examplesFrom(messages.getMessages('examples.suspend'))),
  run: async (args, io) => {
    const { suspendOrgs } = require('../lifecycle/suspendOrgs') as typeof import('../lifecycle/suspendOrgs');
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
