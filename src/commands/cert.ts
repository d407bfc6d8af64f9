import { Messages } from '@salesforce/core';
import { checkCertificateFile, generateCertificateFiles } from '../certificate';
import { formatCertificateProblem, formatCertificateReport, formatGeneratedCertificate } from '../certificate';
import type { CertificateKeyBits } from '../certificate';
import { EXIT_CODES } from '../output/exitCodes';
import type { CommandGroup, GlobalArgs } from './commandSpec';
import { defineCommand } from './commandSpec';

Messages.importMessagesDirectory(__dirname);
const messages = Messages.loadMessages('vendor-access', 'certificate');
const flag = (key: string): string => messages.getMessage(`flags.${key}`);

type Maybe = string | undefined;
type GenerateArgs = GlobalArgs & { 'common-name': string; organization: Maybe; 'organizational-unit': Maybe; country: Maybe };
type GenerateFileArgs = GenerateArgs & { bits: CertificateKeyBits; days: number; 'output-dir': string; force: boolean };
type InspectArgs = GlobalArgs & { file: string; 'private-key': Maybe; 'warn-days': number };

const generate = defineCommand<GenerateFileArgs>({
  command: 'generate',
  describe: messages.getMessage('info.CertGenerateDescription'),
  builder: (yargs) =>
    yargs
      .option('common-name', { type: 'string', demandOption: true, describe: flag('commonName') })
      .option('organization', { type: 'string', describe: flag('organization') })
      .option('organizational-unit', { type: 'string', describe: flag('organizationalUnit') })
      .option('country', { type: 'string', describe: flag('country') })
      .option('bits', { type: 'number', choices: [2048, 3072, 4096] as const, default: 2048 as CertificateKeyBits, describe: flag('bits') })
      .option('days', { type: 'number', default: 365, describe: flag('days') })
      .option('output-dir', { type: 'string', default: 'out/certs', describe: flag('outputDir') })
      .option('force', { type: 'boolean', default: false, describe: flag('force') })
      .example('$0 cert generate --common-name "ISPM Integration"', messages.getMessage('examples.Generate'))
      .example('$0 cert generate --common-name Reco --organization Acme --country US --bits 4096 --days 90', messages.getMessage('examples.Generate4096')),
  run: async (args) => {
    const files = await generateCertificateFiles(args['output-dir'], {
      commonName: args['common-name'],
      ...(args.organization === undefined ? {} : { organization: args.organization }),
      ...(args['organizational-unit'] === undefined ? {} : { organizationalUnit: args['organizational-unit'] }),
      ...(args.country === undefined ? {} : { country: args.country }),
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
      .option('warn-days', { type: 'number', default: 30, describe: flag('warnDays') })
      .example('$0 cert inspect config/certs/example-ispm-server.crt', messages.getMessage('examples.Inspect'))
      .example('$0 cert inspect out/certs/server.crt --private-key out/certs/server.key --warn-days 60', messages.getMessage('examples.InspectKey')),
  run: async (args) => {
    const { report, problems } = await checkCertificateFile(args.file, {
      warnDays: args['warn-days'],
      ...(args['private-key'] === undefined ? {} : { privateKeyPath: args['private-key'] }),
    });
    const errors = problems.filter((problem) => problem.severity === 'error');
    return {
      exitCode: errors.length ? EXIT_CODES.failed : EXIT_CODES.ok,
      result: { ...report, problems },
      human: [...formatCertificateReport(report), ...errors.flatMap((problem) => ['', formatCertificateProblem(problem)])],
      warnings: problems.filter((problem) => problem.severity === 'warning').map(formatCertificateProblem),
    };
  },
});

export const certCommand: CommandGroup = {
  command: 'cert',
  describe: messages.getMessage('info.CertDescription'),
  subcommands: [generate, inspect],
};
