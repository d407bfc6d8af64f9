import { SfError } from '@salesforce/core/sfError';
import { EXIT_CODES } from './exitCodes';

/**
 * Any thrown value becomes an SfError with an exit code. Unexpected errors keep their message but
 * never print a stack trace unless VENDOR_ACCESS_DEBUG is set.
 */
export const toSfError = (err: unknown): SfError => {
  const sfError = SfError.wrap(err instanceof Error || typeof err === 'string' ? err : String(err));
  if (sfError.exitCode === undefined || sfError.exitCode === 0) sfError.exitCode = EXIT_CODES.failed;
  return sfError;
};

/** The same layout as the sf CLI: `Error (Name): message`, then `Try this:` and the actions. */
export const formatErrorText = (err: SfError): string => {
  const lines = [`Error (${err.name}): ${err.message}`];
  if (err.actions?.length) {
    lines.push('', 'Try this:', '');
    lines.push(...err.actions.map((action) => `  ${action}`));
  }
  if (process.env.VENDOR_ACCESS_DEBUG && err.stack) lines.push('', err.stack);
  return lines.join('\n');
};

/** The `--json` error envelope, shaped like the sf CLI's. */
export const formatErrorJson = (err: SfError, warnings: string[] = []): Record<string, unknown> => ({
  status: err.exitCode,
  name: err.name,
  message: err.message,
  exitCode: err.exitCode,
  actions: err.actions ?? [],
  ...(err.data === undefined ? {} : { data: err.data }),
  warnings,
});
