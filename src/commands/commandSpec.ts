import type { Argv } from 'yargs';
import type { CommandResult, Io } from '../output';

/** Options every command understands. */
export type GlobalArgs = { json: boolean };

/**
 * One CLI command: how to parse it, and the single library call it makes. The CLI renders the
 * returned CommandResult; a command never prints by itself, except progress through `io.stderr`.
 */
export type CommandSpec<A extends GlobalArgs = GlobalArgs> = {
  command: string;
  describe: string;
  builder: (yargs: Argv<GlobalArgs>) => Argv<A>;
  /** A command that needs no I/O of its own returns its result directly; the CLI awaits either. */
  run: (args: A, io: Io) => Promise<CommandResult> | CommandResult;
  /**
   * The command loads SDR or @salesforce/core (inside `run`, never at the top of its file), so the
   * CLI forwards core's Lifecycle warnings into its output. Commands without it never load them.
   */
  usesSalesforceLibraries?: true;
};

/** Keeps the argument type of each spec while letting the registry hold them in one list. */
export const defineCommand = <A extends GlobalArgs>(spec: CommandSpec<A>): CommandSpec<GlobalArgs> =>
  spec as unknown as CommandSpec<GlobalArgs>;

/**
 * A command that only groups subcommands (`cert generate`, `cert inspect`). yargs runs only the
 * innermost handler, so each subcommand is a full CommandSpec and the group has no `run`.
 */
export type CommandGroup = {
  command: string;
  describe: string;
  subcommands: Array<CommandSpec<GlobalArgs>>;
};
