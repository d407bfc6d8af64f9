import { Args } from '@oclif/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { library } from './library.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGBREAK', 'SIGHUP'];

/** The oclif flag for one flag the library's command declares. Never `required`: the library decides, with its own words. */
const oclifFlag = (flag) => {
  const common = {
    summary: flag.defaultText === undefined ? flag.description : `${flag.description} Default: ${flag.defaultText}.`,
    ...(flag.char ? { char: flag.char } : {}),
  };
  if (flag.type === 'boolean') return Flags.boolean({ ...common, allowNo: true });
  return Flags.string({ ...common, multiple: flag.multiple, ...(flag.options ? { options: flag.options } : {}) });
};

/** The parsed flags and arguments as the library's argv: only what was given, in the library's own spelling. */
export const toArgv = (described, flags, args) => {
  const argv = [];
  for (const flag of described.flags) {
    const value = flags[flag.name];
    if (value === undefined) continue;
    if (flag.type === 'boolean') argv.push(value ? `--${flag.name}` : `--no-${flag.name}`);
    else for (const one of [].concat(value)) argv.push(`--${flag.name}`, String(one));
  }
  for (const arg of described.args) if (args[arg.name] !== undefined) argv.push(String(args[arg.name]));
  return argv;
};

/**
 * An sf command that is the library's command: flags, arguments, examples and summary come from the
 * same spec the standalone CLI parses (describeCommands), and `run` hands the parsed flags to the
 * library's `main`, which prints, writes `--json` and returns the exit code, exactly as
 * `vendor-access <command>` does.
 */
export const commandFromLibrary = (words) => {
  const described = library()
    .describeCommands()
    .find((command) => command.words.join(' ') === words.join(' '));
  if (!described) throw new Error(`vendor-access has no command "${words.join(' ')}"`);
  return class extends SfCommand {
    static summary = described.summary;
    static examples = described.examples.map(
      ([line, what]) => `${what}:\n<%= config.bin %> vendor-access ${line.replace(/^(\$0|vendor-access)\s+/, '')}`
    );
    // The library writes its own --json envelope (the same one the standalone CLI writes).
    static enableJsonFlag = false;
    static flags = {
      json: Flags.boolean({ summary: 'Format output as json.', helpGroup: 'GLOBAL' }),
      ...Object.fromEntries(described.flags.map((flag) => [flag.name, oclifFlag(flag)])),
    };
    static args = Object.fromEntries(
      described.args.map((arg) => [arg.name, Args.string({ required: arg.required })])
    );

    async run() {
      // SfCommand answers Ctrl-C and SIGTERM by exiting at once; the library's own handling cancels a
      // running deploy in the org and stops before the next change, so it must be the only one.
      for (const signal of SIGNALS) process.removeAllListeners(signal);
      const { flags, args } = await this.parse(this.constructor);
      const argv = toArgv(described, flags, args);
      if (flags.json) argv.push('--json');
      process.exitCode = await library().main([...described.words, ...argv]);
    }
  };
};
