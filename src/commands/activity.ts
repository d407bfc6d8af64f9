import { loadMessages } from '../messages';
import { findProjectDir } from '../project';
import { defineCommand, GlobalArgs } from './commandSpec';
import { exitCodeHelp } from './exitCodeHelp';
import { examplesFrom, OrgFlags, withOrgFlags } from './orgFlags';
import { orgCommandResult } from './orgRun';
import { targetOrgsOf } from './targetOrgs';

const messages = loadMessages('lifecycle');

type ActivityArgs = GlobalArgs & OrgFlags & { since: string; format: 'text' | 'markdown' | 'json' };

export const activityCommand = defineCommand<ActivityArgs>({
  command: 'activity',
  usesSalesforceLibraries: true,
  describe: messages.getMessage('summary.activity'),
  builder: (y) =>
    withOrgFlags(y)
      .option('since', { type: 'string', default: '7d', describe: messages.getMessage('flags.since') })
      .option('format', {
        choices: ['text', 'markdown', 'json'] as const,
        default: 'text' as const,
        describe: messages.getMessage('flags.format'),
      })
      .example(examplesFrom(messages.getMessages('examples.activity')))
      .epilogue(exitCodeHelp('activity')),
  run: async (args, io) => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: --help and the other commands never load this (test/startup)
    const { activityOrgs } = require('../lifecycle/activityOrgs') as typeof import('../lifecycle/activityOrgs');
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy, and past the face: as activityOrgs above
    const { formatActivity } = require('../lifecycle/formatActivity') as typeof import('../lifecycle/formatActivity');
    const result = await activityOrgs({
      projectDir: findProjectDir(),
      targetOrgs: await targetOrgsOf(args['target-org'], io, args.json),
      vendors: args.vendor,
      valuesFile: args.values,
      since: args.since,
      concurrency: args.concurrency,
    });
    return orgCommandResult(result, (r) => {
      if (args.format !== 'json') return formatActivity(r, args.format);
      // --format json prints the result as --json's `result` holds it: the warnings go to stderr.
      return [JSON.stringify({ ...r, warnings: undefined }, undefined, 2)];
    });
  },
});
