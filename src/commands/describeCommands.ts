import yargs, { type Argv } from 'yargs';
import type { CommandSpec, GlobalArgs } from './commandSpec';
import { COMMANDS } from '.';

/** One flag of a command, as the yargs spec declares it: what the sf plugin declares to oclif. */
export type FlagDescription = {
  name: string;
  char?: string;
  type: 'boolean' | 'string';
  multiple: boolean;
  description: string;
  /** What the command uses when the flag is absent, as text for help (the library applies it). */
  defaultText?: string;
  options?: string[];
  required: boolean;
};

export type CommandDescription = {
  /** The words after the binary: `['deploy']`, `['cert', 'generate']`. */
  words: string[];
  summary: string;
  flags: FlagDescription[];
  /** Positional arguments (`cert inspect <file>`). */
  args: Array<{ name: string; required: boolean }>;
  /** `[command line without the binary, what it does]`. */
  examples: Array<[string, string]>;
};

/** What yargs 17 keeps of the declared options: present at run time, absent from its type declarations. */
type Options = {
  key: Record<string, boolean>;
  alias: Record<string, string[]>;
  boolean: string[];
  array: string[];
  default: Record<string, unknown>;
  choices: Record<string, unknown[] | undefined>;
  demandedOptions: Record<string, unknown>;
  hiddenOptions: string[];
};
type ParserInternals = {
  getOptions: () => Options;
  getInternalMethods: () => { getUsageInstance: () => { getDescriptions: () => Record<string, string | undefined> } };
};
type ExampleArg = string | ReadonlyArray<readonly [string, string?] | string>;

const YARGS_OWN = new Set(['help', 'version', 'json']);

/** The spec's builder run on a fresh parser, recording the examples it adds (yargs has no getter for them). */
const built = (
  spec: CommandSpec<GlobalArgs>
): { options: Options; descriptions: Record<string, string>; examples: Array<[string, string]> } => {
  const examples: Array<[string, string]> = [];
  const parser = yargs([]) as Argv<GlobalArgs>;
  const example = parser.example.bind(parser);
  // yargs' example() of a list calls example() again for each row: only the outer call is recorded.
  let inside = false;
  parser.example = ((command: ExampleArg, description?: string) => {
    if (!inside) {
      const rows = Array.isArray(command) ? command : [[command, description]];
      for (const row of rows as Array<readonly [string, string?] | string>) {
        const [line, what] = typeof row === 'string' ? [row, ''] : row;
        examples.push([line.replace(/^\$0\s+/, ''), what ?? '']);
      }
    }
    inside = true;
    try {
      return example(command as string, description ?? '');
    } finally {
      inside = false;
    }
  }) as typeof parser.example;
  const configured = spec.builder(parser) as unknown as ParserInternals;
  const descriptions = configured.getInternalMethods().getUsageInstance().getDescriptions();
  return {
    options: configured.getOptions(),
    descriptions: Object.fromEntries(
      Object.entries(descriptions).map(([key, text]) => [key, (text ?? '').replace(/^__yargsString__:/, '')])
    ),
    examples,
  };
};

const flagsOf = (options: Options, descriptions: Record<string, string>): FlagDescription[] => {
  const aliases = new Set(Object.values(options.alias).flat());
  return Object.keys(options.key)
    .filter((name) => !YARGS_OWN.has(name) && !aliases.has(name) && !options.hiddenOptions.includes(name))
    .map((name) => {
      const char = (options.alias[name] ?? []).find((alias) => alias.length === 1);
      const fallback = options.default[name];
      const choices = options.choices[name];
      return {
        name,
        ...(char === undefined ? {} : { char }),
        type: options.boolean.includes(name) ? 'boolean' : 'string',
        multiple: options.array.includes(name),
        description: descriptions[name] ?? '',
        ...(fallback === undefined || fallback === false
          ? {}
          : { defaultText: ([] as unknown[]).concat(fallback).join(', ') }),
        ...(choices ? { options: choices.map(String) } : {}),
        required: name in options.demandedOptions,
      };
    });
};

/** `inspect <file> [other]` → the positional arguments yargs takes after the command word. */
const argsOf = (command: string): CommandDescription['args'] =>
  [...command.matchAll(/([<[])([\w-]+)[\]>]/g)].map((m) => ({ name: m[2] ?? '', required: m[1] === '<' }));

const describe = (words: string[], spec: CommandSpec<GlobalArgs>): CommandDescription => {
  const { options, descriptions, examples } = built(spec);
  const args = argsOf(spec.command);
  return {
    words: [...words, spec.command.split(' ')[0] ?? spec.command],
    summary: spec.describe,
    // yargs keeps a positional argument among its options too; it is an argument, not a flag.
    flags: flagsOf(options, descriptions).filter((flag) => !args.some((arg) => arg.name === flag.name)),
    args,
    examples,
  };
};

/**
 * Every command the CLI offers, described as data from the same specs the CLI parses with: the sf
 * plugin declares exactly these flags, arguments and examples to oclif, so `sf vendor-access deploy`
 * and `vendor-access deploy` can never drift apart.
 */
export const describeCommands = (): CommandDescription[] =>
  COMMANDS.flatMap((entry) =>
    'subcommands' in entry ? entry.subcommands.map((spec) => describe([entry.command], spec)) : [describe([], entry)]
  );
