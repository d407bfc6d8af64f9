import { Messages } from '@salesforce/core';
import { findProjectDir } from '../check';
import { formatPlan } from '../org/formatPlan';
import { planOrgs } from '../org/planOrg';
import { defineCommand, GlobalArgs } from './commandSpec';

Messages.importMessagesDirectory(__dirname);
const messages = Messages.loadMessages('vendor-access', 'plan');

type PlanArgs = GlobalArgs & { 'target-org': string[]; vendor: string[]; values: string; concurrency: number };

export const planCommand = defineCommand<PlanArgs>({
  command: 'plan',
  describe: messages.getMessage('summary'),
  builder: (y) =>
    y
      .option('target-org', { alias: 'o', type: 'string', array: true, demandOption: true, describe: messages.getMessage('flags.target-org') })
      .option('vendor', { type: 'string', array: true, default: ['all'], describe: messages.getMessage('flags.vendor') })
      .option('values', { type: 'string', demandOption: true, describe: messages.getMessage('flags.values') })
      .option('concurrency', { type: 'number', default: 2, describe: messages.getMessage('flags.concurrency') })
      .example(messages.getMessages('examples').map((e) => [e.replace(/^.*?: /, ''), e.replace(/:.*$/, '')] as [string, string])),
  run: async (args) => {
    const result = await planOrgs({ projectDir: findProjectDir(), targetOrgs: args['target-org'], vendors: args.vendor, valuesFile: args.values, concurrency: args.concurrency });
    return { exitCode: result.exitCode, result, human: formatPlan(result), warnings: [] };
  },
});
