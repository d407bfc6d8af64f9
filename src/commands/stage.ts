import { Messages } from '@salesforce/core';
import { findProjectDir } from '../check';
import { formatStageResult } from '../org/formatStageResult';
import { stageOrg } from '../org/stageOrg';
import { defineCommand, GlobalArgs } from './commandSpec';
import { examplesFrom, OrgFlags, withOrgFlags } from './orgFlags';

Messages.importMessagesDirectory(__dirname);
const messages = Messages.loadMessages('vendor-access', 'stage');

type StageArgs = GlobalArgs & OrgFlags & { 'output-dir': string };

export const stageCommand = defineCommand<StageArgs>({
  command: 'stage',
  describe: messages.getMessage('summary'),
  builder: (y) =>
    withOrgFlags(y)
      .option('output-dir', { type: 'string', demandOption: true, describe: messages.getMessage('flags.output-dir') })
      .check((args) => {
        if (args['target-org'].length !== 1) throw messages.createError('error.OneOrgOnly', [args['target-org'].length]);
        return true;
      })
      .example(examplesFrom(messages.getMessages('examples'))),
  run: async (args) => {
    const result = await stageOrg({ projectDir: findProjectDir(), targetOrg: args['target-org'][0] as string, vendors: args.vendor, valuesFile: args.values, outputDir: args['output-dir'] });
    return { exitCode: result.exitCode, result, human: formatStageResult(result), warnings: [] };
  },
});
