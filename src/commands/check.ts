import { loadMessages } from '../messages';
import { findProjectDir } from '../project';
import { checkFailedError, errorsIn } from '../problems';
import { EXIT_CODES, keepCoreLogInMemory } from '../output';
import { defineCommand, GlobalArgs } from './commandSpec';
import { checkDaysFlag, checkPathFlag, resolveValuesPath } from './flagChecks';
import { examplesFrom } from './orgFlags';

const messages = loadMessages('check');

type CheckArgs = GlobalArgs & {
  vendor: string[];
  values: string | undefined;
  'cert-warn-days': string;
  'output-dir': string | undefined;
};

export const checkCommand = defineCommand<CheckArgs>({
  command: 'check',
  usesSalesforceLibraries: true,
  describe: messages.getMessage('summary'),
  builder: (y) =>
    y
      .option('vendor', {
        type: 'string',
        array: true,
        default: ['all'],
        describe: messages.getMessage('flags.vendor'),
      })
      .option('values', {
        type: 'string',
        defaultDescription: 'config/orgs/example.json in the project',
        describe: messages.getMessage('flags.values'),
      })
      .option('cert-warn-days', {
        type: 'string',
        default: '30',
        describe: messages.getMessage('flags.cert-warn-days'),
      })
      .option('output-dir', { type: 'string', describe: messages.getMessage('flags.output-dir') })
      .example(examplesFrom(messages.getMessages('examples'))),
  run: async (args) => {
    // Loaded here, not at the top: SDR and core cost half a second, and `--help` needs neither.
    keepCoreLogInMemory();
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: --help and the other commands never load this (test/startup)
    const { checkVendors, formatCheckSuccess } = require('../check') as typeof import('../check');
    const result = await checkVendors({
      projectDir: findProjectDir(),
      vendors: args.vendor,
      // Given: read from where the user stands. Not given: the project's example values.
      valuesFile: args.values === undefined ? 'config/orgs/example.json' : resolveValuesPath(args.values),
      certWarnDays: checkDaysFlag('--cert-warn-days', args['cert-warn-days']),
      ...(args['output-dir'] === undefined ? {} : { outDir: checkPathFlag('--output-dir', args['output-dir']) }),
    });
    const errors = errorsIn(result.problems);
    if (errors.length) {
      throw checkFailedError(result.problems);
    }
    return {
      exitCode: EXIT_CODES.ok,
      result,
      human: formatCheckSuccess(result),
      warnings: [],
    };
  },
});
