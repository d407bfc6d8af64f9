import {
  DEFAULT_CERT_WARN_DAYS,
  DEFAULT_CERT_BITS,
  DEFAULT_CERT_DAYS,
  type CertificateKeyBits,
  messages,
} from '../certificate';
import { EXIT_CODES } from '../output';
import { type CommandGroup, type GlobalArgs, defineCommand } from './commandSpec';
import { checkDaysFlag, checkPathFlag } from './flagChecks';

const flag = (key: string): string => messages.getMessage(`flags.${key}`);

type Maybe = string | undefined;
type NamesArgs = GlobalArgs & { 'common-name': string; organization: Maybe; 'organizational-unit': Maybe };
type GenerateArgs = NamesArgs & { country: Maybe; bits: CertificateKeyBits; days: number; 'output-dir': string };
type InspectArgs = GlobalArgs & { file: string; 'private-key': Maybe; 'warn-days': string };

const generate = defineCommand<GenerateArgs & { force: boolean }>({
  command: 'generate',
  describe: messages.getMessage('info.CertGenerateDescription'),
  builder: (yargs) =>
    yargs
      .option('common-name', { type: 'string', demandOption: true, describe: flag('commonName') })
      .option('organization', { type: 'string', describe: flag('organization') })
      .option('organizational-unit', { type: 'string', describe: flag('organizationalUnit') })
      .option('country', { type: 'string', describe: flag('country') })
      .option('bits', {
        type: 'number',
        choices: [2048, 3072, 4096] as const,
        default: DEFAULT_CERT_BITS,
        describe: flag('bits'),
      })
      .option('days', { type: 'number', default: DEFAULT_CERT_DAYS, describe: flag('days') })
      .option('output-dir', { type: 'string', default: 'out/certs', describe: flag('outputDir') })
      .option('force', { type: 'boolean', default: false, describe: flag('force') })
      .example('$0 cert generate --common-name "Vendor Integration"', messages.getMessage('examples.Generate'))
      .example(
        '$0 cert generate --common-name "Vendor Integration" --organization Acme --country US --bits 4096 --days 90',
        messages.getMessage('examples.Generate4096')
      ),
  run: async (args) => {
    // node-forge is loaded by the subcommand that runs, never by `--help`.
    const { formatGeneratedCertificate, generateCertificateFiles } =
      // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: --help and the other commands never load this (test/startup)
      require('../certificate') as typeof import('../certificate');
    const files = await generateCertificateFiles(checkPathFlag('--output-dir', args['output-dir']), {
      commonName: args['common-name'],
      organization: args.organization,
      organizationalUnit: args['organizational-unit'],
      country: args.country,
      bits: args.bits,
      days: args.days,
      force: args.force,
    });
    return { exitCode: EXIT_CODES.ok, result: files, human: formatGeneratedCertificate(files), warnings: [] };
  },
});

const inspect = defineCommand<InspectArgs>({
  command: 'inspect <file>',
  describe: messages.getMessage('info.CertInspectDescription'),
  builder: (yargs) =>
    yargs
      .positional('file', { type: 'string', demandOption: true, describe: flag('file') })
      .option('private-key', { type: 'string', describe: flag('privateKey') })
      .option('warn-days', { type: 'string', default: String(DEFAULT_CERT_WARN_DAYS), describe: flag('warnDays') })
      .example('$0 cert inspect out/certs/server.crt', messages.getMessage('examples.Inspect'))
      .example(
        '$0 cert inspect out/certs/server.crt --private-key out/certs/server.key --warn-days 60',
        messages.getMessage('examples.InspectKey')
      ),
  run: async (args) => {
    const { checkCertificateFile } =
      // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: --help and the other commands never load this (test/startup)
      require('../certificate/checkCertificateFile') as typeof import('../certificate/checkCertificateFile');
    const { formatCertificateCheck } =
      // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: --help and the other commands never load this (test/startup)
      require('../certificate/formatCertificateReport') as typeof import('../certificate/formatCertificateReport');
    const check = await checkCertificateFile(checkPathFlag('<file>', args.file), {
      warnDays: checkDaysFlag('--warn-days', args['warn-days']),
      privateKeyPath:
        args['private-key'] === undefined ? undefined : checkPathFlag('--private-key', args['private-key']),
    });
    const failed = check.problems.some((problem) => problem.severity === 'error');
    return {
      exitCode: failed ? EXIT_CODES.failed : EXIT_CODES.ok,
      result: { ...check.report, problems: check.problems },
      ...formatCertificateCheck(check),
    };
  },
});

export const certCommand: CommandGroup = {
  command: 'cert',
  describe: messages.getMessage('info.CertDescription'),
  subcommands: [generate, inspect],
};
