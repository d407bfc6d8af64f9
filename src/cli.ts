import yargs from 'yargs';
import { SfError } from '@salesforce/core/sfError';
import { loadMessages } from './messages';
import { COMMANDS, exitCodeTable, type CommandSpec, type GlobalArgs } from './commands';
import { ENV_VARS } from './config';
import {
  type CommandResult,
  collectCoreWarnings,
  EXIT_CODES,
  formatErrorJson,
  formatErrorText,
  toSfError,
  Io,
  processIo,
} from './output';

const messages = loadMessages('cli');

const EPILOGUE = [
  exitCodeTable(),
  messages.getMessage('info.Epilogue'),
  'Environment variables:',
  ...Object.entries(ENV_VARS).map(([name, what]) => `  ${name}: ${what}`),
].join('\n');

/**
 * Runs the CLI on `argv` and returns the exit code; never throws and never calls process.exit,
 * so tests drive it in-process with a recording Io.
 */
export const main = async (argv: string[], io: Io = processIo): Promise<number> => {
  const json = argv.includes('--json');
  const warnings: string[] = [];

  let outcome: CommandResult | undefined;
  let helpShown = false;
  try {
    let parser = yargs(argv)
      .scriptName('vendor-access')
      .usage(messages.getMessage('info.Usage'))
      .option('json', { type: 'boolean', default: false, describe: messages.getMessage('flags.json') })
      .strict()
      .strictCommands()
      .demandCommand(1, messages.getMessage('error.NoCommand'))
      .recommendCommands()
      .epilogue(EPILOGUE)
      // -h like sf: the same help as --help.
      .alias('help', 'h')
      .wrap(Math.min(120, process.stdout.columns ?? 100))
      .exitProcess(false)
      .fail((msg: string | undefined, err: Error | undefined) => {
        if (err) throw err;
        throw messages.createError('error.Usage', [msg ?? 'invalid arguments']);
      });
    const handler = (spec: CommandSpec) => async (args: GlobalArgs) => {
      const stopCollecting = spec.usesSalesforceLibraries ? collectCoreWarnings(warnings) : undefined;
      try {
        outcome = await spec.run(args, io);
      } finally {
        stopCollecting?.();
      }
    };
    // A group (`cert`) registers its subcommands inside its builder; yargs runs only the innermost
    // handler, so each subcommand sets the outcome itself.
    for (const entry of COMMANDS) {
      parser =
        'subcommands' in entry
          ? parser.command(entry.command, entry.describe, (group) =>
              entry.subcommands
                .reduce((g, spec) => g.command(spec.command, spec.describe, spec.builder, handler(spec)), group)
                .demandCommand(1, messages.getMessage('error.NoSubcommand', [entry.command]))
            )
          : parser.command(entry.command, entry.describe, entry.builder, handler(entry));
    }
    const output = await new Promise<string>((resolve, reject) => {
      parser
        .parseAsync(argv, {}, (err, _args, text) => {
          if (err) reject(err);
          else resolve(text);
        })
        .catch(reject);
    });
    if (!outcome) {
      helpShown = true;
      if (output) io.stdout(output);
    }
  } catch (err) {
    const sfError = toSfError(err);
    if (json) io.stdout(JSON.stringify(formatErrorJson(sfError, [...warnings]), undefined, 2));
    else {
      for (const warning of warnings) io.stderr(`Warning: ${warning}`);
      io.stderr(formatErrorText(sfError));
    }
    return sfError.exitCode;
  }
  if (helpShown || !outcome) return EXIT_CODES.ok;
  const allWarnings = [...outcome.warnings, ...warnings, ...(outcome.errorsAfter ?? [])];
  if (json || outcome.envelope) {
    io.stdout(
      JSON.stringify({ status: outcome.exitCode, result: outcome.result, warnings: allWarnings }, undefined, 2)
    );
  } else {
    for (const warning of [...outcome.warnings, ...warnings]) io.stderr(`Warning: ${warning}`);
    for (const note of outcome.notes ?? []) io.stderr(note);
    if (outcome.human.length) io.stdout(outcome.human.join('\n'));
    for (const error of outcome.errorsAfter ?? []) io.stderr(`Error: ${error}`);
  }
  return outcome.exitCode;
};

export { SfError };
