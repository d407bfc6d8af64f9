import { loadMessages } from '../messages';
import { findProjectDir } from '../project';
import type { LifecycleOptions, LifecycleResult } from '../lifecycle';
import { CommandSpec, defineCommand, GlobalArgs } from './commandSpec';
import { exitCodeHelp } from './exitCodeHelp';
import { withInterrupt } from './interrupt';
import { LIFECYCLE_INTERRUPTED, LifecycleArgs, usernameOption, withLifecycleFlags } from './lifecycleFlags';
import { examplesFrom } from './orgFlags';
import { orgCommandResult } from './orgRun';
import { targetOrgsOf } from './targetOrgs';

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
    builder: (y) =>
      withLifecycleFlags(y)
        .example(examplesFrom(messages.getMessages(`examples.${name}`)))
        .epilogue(exitCodeHelp(name)),
    run: async (args, io) => {
      const work = load();
      const targetOrgs = await targetOrgsOf(args['target-org'], io, args.json);
      const result = await withInterrupt(io, LIFECYCLE_INTERRUPTED, (signal) =>
        work({
          projectDir: findProjectDir(),
          targetOrgs,
          vendors: args.vendor,
          valuesFile: args.values,
          dryRun: args['dry-run'],
          ...usernameOption(args),
          concurrency: args.concurrency,
          signal,
          ...(args.json ? {} : { onEvent: (org: string, message: string) => io.stderr(`[${org}] ${message}`) }),
        })
      );
      // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy, as the command's own work (test/startup)
      const { formatLifecycleResult } = require('../lifecycle') as typeof import('../lifecycle');
      return orgCommandResult(result, formatLifecycleResult);
    },
  });
