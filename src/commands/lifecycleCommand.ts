import { loadMessages } from '../messages/loadMessages';
import { findProjectDir } from '../check/findProjectDir';
import { formatLifecycleResult } from '../lifecycle/formatLifecycle';
import type { LifecycleOptions, LifecycleResult } from '../lifecycle/runLifecycle';
import { CommandSpec, defineCommand, GlobalArgs } from './commandSpec';
import { LifecycleArgs, usernameOption, withInterrupt, withLifecycleFlags } from './lifecycleFlags';
import { examplesFrom } from './orgFlags';

const messages = loadMessages('lifecycle');

/**
 * A lifecycle command whose flags are the shared ones (suspend, resume). `load` requires the library
 * call only when the command runs, so `--help` never loads the Salesforce libraries.
 */
export const lifecycleCommand = (
  name: 'suspend' | 'resume',
  load: () => (options: LifecycleOptions) => Promise<LifecycleResult>
): CommandSpec<GlobalArgs> =>
  defineCommand<LifecycleArgs>({
    command: name,
    usesSalesforceLibraries: true,
    describe: messages.getMessage(`summary.${name}`),
    builder: (y) => withLifecycleFlags(y).example(examplesFrom(messages.getMessages(`examples.${name}`))),
    run: async (args, io) => {
      const work = load();
      const result = await withInterrupt(io, (signal) =>
        work({
          projectDir: findProjectDir(),
          targetOrgs: args['target-org'],
          vendors: args.vendor,
          valuesFile: args.values,
          dryRun: args['dry-run'],
          ...usernameOption(args),
          ...usernameOption(args),
          concurrency: args.concurrency,
          signal,
          ...(args.json ? {} : { onEvent: (org: string, message: string) => io.stderr(`[${org}] ${message}`) }),
        })
      );
      return { exitCode: result.exitCode, result, human: formatLifecycleResult(result), warnings: [] };
    },
  });
