import { Messages } from '@salesforce/core';
import { findProjectDir } from '../check';
import { formatPlan } from '../org/formatPlan';
import { planOrgs } from '../org/planOrg';
import { defineCommand, GlobalArgs } from './commandSpec';
import { examplesFrom, OrgFlags, withOrgFlags } from './orgFlags';

Messages.importMessagesDirectory(__dirname);
const messages = Messages.loadMessages('vendor-access', 'plan');

type PlanArgs = GlobalArgs & OrgFlags;

export const planCommand = defineCommand<PlanArgs>({
  command: 'plan',
  describe: messages.getMessage('summary'),
  builder: (y) =>
    withOrgFlags(y)
      .example(examplesFrom(messages.getMessages('examples'))),
  run: async (args) => {
    const result = await planOrgs({ projectDir: findProjectDir(), targetOrgs: args['target-org'], vendors: args.vendor, valuesFile: args.values, concurrency: args.concurrency });
    return { exitCode: result.exitCode, result, human: formatPlan(result), warnings: [] };
  },
});
