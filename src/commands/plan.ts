import { loadMessages } from '../messages';
import { findProjectDir } from '../project';
import { defineCommand, GlobalArgs } from './commandSpec';
import { exitCodeHelp } from './exitCodeHelp';
import { orgCommandResult, progressTo } from './orgRun';
import { targetOrgsOf } from './targetOrgs';
import { examplesFrom, OrgFlags, withOrgFlags } from './orgFlags';

const messages = loadMessages('plan');

type PlanArgs = GlobalArgs & OrgFlags;

export const planCommand = defineCommand<PlanArgs>({
  command: 'plan',
  usesSalesforceLibraries: true,
  describe: messages.getMessage('summary'),
  builder: (y) =>
    withOrgFlags(y)
      .example(examplesFrom(messages.getMessages('examples')))
      .epilogue(exitCodeHelp('plan')),
  run: async (args, io) => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: --help and the other commands never load this (test/startup)
    const { formatPlan, planOrgs } = require('../org/plan') as typeof import('../org/plan');
    const result = await planOrgs({
      projectDir: findProjectDir(),
      targetOrgs: await targetOrgsOf(args['target-org'], io, args.json),
      vendors: args.vendor,
      valuesFile: args.values,
      concurrency: args.concurrency,
      ...progressTo(io, args.json),
    });
    return orgCommandResult(result, formatPlan);
  },
});
