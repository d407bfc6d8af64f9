import { findProjectDir } from '../project';
import { loadMessages } from '../messages';
import { defineCommand, GlobalArgs } from './commandSpec';
import { exitCodeHelp } from './exitCodeHelp';
import { checkPathFlag } from './flagChecks';
import { examplesFrom, OrgFlags, withOrgFlags } from './orgFlags';
import { orgCommandResult } from './orgRun';
import { targetOrgsOf } from './targetOrgs';

const messages = loadMessages('stage');

type StageArgs = GlobalArgs & OrgFlags & { 'output-dir': string };

export const stageCommand = defineCommand<StageArgs>({
  command: 'stage',
  usesSalesforceLibraries: true,
  describe: messages.getMessage('summary'),
  builder: (y) =>
    withOrgFlags(y)
      .option('output-dir', { type: 'string', demandOption: true, describe: messages.getMessage('flags.output-dir') })
      .check((args) => {
        if (args['target-org'] !== undefined && args['target-org'].length !== 1)
          throw messages.createError('error.OneOrgOnly', [args['target-org'].length]);
        return true;
      })
      .example(examplesFrom(messages.getMessages('examples')))
      .epilogue(exitCodeHelp('stage')),
  run: async (args, io) => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: --help and the other commands never load this (test/startup)
    const { formatStageResult, stageOrg } = require('../stage') as typeof import('../stage');
    const result = await stageOrg({
      projectDir: findProjectDir(),
      targetOrg: (await targetOrgsOf(args['target-org'], io, args.json))[0] as string,
      vendors: args.vendor,
      valuesFile: args.values,
      outputDir: checkPathFlag('--output-dir', args['output-dir']),
    });
    return orgCommandResult(result, formatStageResult);
  },
});
