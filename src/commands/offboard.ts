import { loadMessages } from '../messages';
import { findProjectDir } from '../project';
import { defineCommand } from './commandSpec';
import { exitCodeHelp } from './exitCodeHelp';
import { withInterrupt } from './interrupt';
import { LIFECYCLE_INTERRUPTED, LifecycleArgs, usernameOption, withLifecycleFlags } from './lifecycleFlags';
import { examplesFrom } from './orgFlags';
import { orgCommandResult } from './orgRun';
import { targetOrgsOf } from './targetOrgs';

const messages = loadMessages('lifecycle');

type OffboardArgs = LifecycleArgs & { 'restore-settings': boolean };

export const offboardCommand = defineCommand<OffboardArgs>({
  command: 'offboard',
  usesSalesforceLibraries: true,
  describe: messages.getMessage('summary.offboard'),
  builder: (y) =>
    withLifecycleFlags(y)
      .option('restore-settings', {
        type: 'boolean',
        default: false,
        describe: messages.getMessage('flags.restore-settings'),
      })
      .example(examplesFrom(messages.getMessages('examples.offboard')))
      .epilogue(exitCodeHelp('offboard')),
  run: async (args, io) => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: --help and the other commands never load this (test/startup)
    const { formatLifecycleResult, offboardOrgs } = require('../lifecycle') as typeof import('../lifecycle');
    const targetOrgs = await targetOrgsOf(args['target-org'], io, args.json);
    const result = await withInterrupt(io, LIFECYCLE_INTERRUPTED, (signal) =>
      offboardOrgs({
        projectDir: findProjectDir(),
        targetOrgs,
        vendors: args.vendor,
        valuesFile: args.values,
        dryRun: args['dry-run'],
        ...usernameOption(args),
        restoreSettings: args['restore-settings'],
        concurrency: args.concurrency,
        signal,
        ...(args.json ? {} : { onEvent: (org: string, message: string): void => io.stderr(`[${org}] ${message}`) }),
      })
    );
    return orgCommandResult(result, formatLifecycleResult);
  },
});
