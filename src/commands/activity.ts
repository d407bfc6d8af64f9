import { loadMessages } from '../messages/loadMessages';
import { findProjectDir } from '../check/findProjectDir';
import { formatActivity } from '../lifecycle/formatActivity';
import { defineCommand, GlobalArgs } from './commandSpec';
import { examplesFrom, OrgFlags, withOrgFlags } from './orgFlags';

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
      .example(examplesFrom(messages.getMessages('examples.activity'))),
  run: async (args) => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: --help and the other commands never load this (test/startup)
    const { activityOrgs } = require('../lifecycle/activityOrgs') as typeof import('../lifecycle/activityOrgs');
    const result = await activityOrgs({
      projectDir: findProjectDir(),
      targetOrgs: args['target-org'],
      vendors: args.vendor,
      valuesFile: args.values,
      since: args.since,
      concurrency: args.concurrency,
    });
    const human = args.format === 'json' ? [JSON.stringify(result, undefined, 2)] : formatActivity(result, args.format);
    return { exitCode: result.exitCode, result, human, warnings: [] };
  },
});
