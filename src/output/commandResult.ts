import { ExitCode } from './exitCodes';

/**
 * What every command hands back to the CLI. The library never prints: it returns this, and the
 * CLI renders `human` lines or the `result` object in the `--json` envelope.
 */
export type CommandResult<T = unknown> = {
  exitCode: ExitCode;
  /** The object placed under `result` in the `--json` envelope. */
  result: T;
  /** Lines for a person, printed when `--json` is not given. */
  human: string[];
  /** Warnings: printed to stderr, and listed in the `--json` envelope. */
  warnings: string[];
  /** Print the `--json` envelope even without --json (e.g. `review --format json`): one JSON shape for machines. */
  envelope?: boolean;
  /** Progress and notes for a person: stderr, never in stdout, omitted with --json. */
  notes?: string[];
  /**
   * What failed after the work was done (a report that could not be written once the org had
   * changed): printed to stderr after the result, so the result is never lost, and listed with
   * the warnings in `--json`. The command sets a failing exit code.
   */
  errorsAfter?: string[];
};
