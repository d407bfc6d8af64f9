import { type CommandResult, EXIT_CODES, type ExitCode, type Io } from '../output';

/** Progress lines of an org run (`[org] message`) on stderr; none with --json. */
export const progressTo = (io: Io, json: boolean): { onProgress?: (org: string, message: string) => void } =>
  json ? {} : { onProgress: (org: string, message: string): void => io.stderr(`[${org}] ${message}`) };

/**
 * An org command's result as the CLI renders it: the run's warnings (each once, with its orgs) go
 * to the output's warnings (stderr, and `--json`'s top-level `warnings`), not inside `result`.
 */
export const orgCommandResult = <T extends { exitCode: ExitCode; warnings: string[] }>(
  result: T,
  human: (result: T) => string[],
  extra: { notes?: string[]; warnings?: string[]; errorsAfter?: string[] } = {}
): CommandResult<Omit<T, 'warnings'>> => {
  const { warnings, ...rest } = result;
  const errorsAfter = extra.errorsAfter ?? [];
  return {
    // A report that could not be written after the orgs changed fails a run that was otherwise good.
    exitCode: errorsAfter.length && result.exitCode === EXIT_CODES.ok ? EXIT_CODES.failed : result.exitCode,
    result: rest,
    human: human(result),
    warnings: [...(extra.warnings ?? []), ...warnings],
    ...(extra.notes ? { notes: extra.notes } : {}),
    ...(errorsAfter.length ? { errorsAfter } : {}),
  };
};
