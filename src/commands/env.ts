import { loadMessages } from '../messages';
import { findProjectDir } from '../project';
import { EXIT_CODES } from '../output';
import { problemText } from '../problems';
import { defineCommand, GlobalArgs } from './commandSpec';
import { resolveValuesPath } from './flagChecks';
import { examplesFrom } from './orgFlags';

const messages = loadMessages('values');

type EnvArgs = GlobalArgs & { vendor: string[]; values: string };

export const envCommand = defineCommand<EnvArgs>({
  command: 'env',
  describe: messages.getMessage('summary'),
  builder: (y) =>
    y
      .option('vendor', {
        type: 'string',
        array: true,
        default: ['all'],
        describe: messages.getMessage('flags.vendor'),
      })
      .option('values', { type: 'string', demandOption: true, describe: messages.getMessage('flags.values') })
      .example(examplesFrom(messages.getMessages('examples'))),
  run: async (args) => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: --help and the other commands never load this (test/startup)
    const { prepareRawDeploy } = require('../env') as typeof import('../env');
    const prepared = await prepareRawDeploy(findProjectDir(), resolveValuesPath(args.values), args.vendor);
    return {
      exitCode: EXIT_CODES.ok,
      result: prepared,
      // Only export lines on stdout, so `eval "$(vendor-access env …)"` works; notes go to stderr.
      human: prepared.exports,
      warnings: prepared.warnings.map(problemText),
      notes: prepared.stagedFiles.map((f) => `staged ${f} for the replaceWithFile replacement`),
    };
  },
});
