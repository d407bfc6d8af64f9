import type { SfError } from '@salesforce/core/sfError';
import { fillExactly } from '../messages';
import type { Problem, Where } from './problem';

/** Makes the problems of one area, their texts from one messages/ bundle. */
export type ProblemMaker = {
  /** A problem that stops the run: `problem.<code>` is its message, `problem.<code>.fix` its fix. */
  error: (code: string, where: Where, tokens?: unknown[], fixTokens?: unknown[]) => Problem;
  /** A problem that is reported and lets the run go on. */
  warning: (code: string, where: Where, tokens?: unknown[], fixTokens?: unknown[]) => Problem;
};

/**
 * The one way a Problem is made, as sfdx-core's `Messages.createError` is the one way an SfError
 * is: `problemsFrom('values')`, then `error(code, where, [value])` with code `NotAnEmail`, reads
 * `# problem.NotAnEmail` and `# problem.NotAnEmail.fix` from messages/values.md and fills their
 * `%s` in order. The code is the problem's stable name in `--json`;
 * test/messages/problemCodes.test.ts holds every code to be listed once across messages/ and every
 * listed code to be used.
 *
 * A template whose `%s` count differs from the tokens given is a bug in this package, not in the
 * user's input: it throws ProblemTokensError rather than show a half-filled text.
 */
export const problemsFrom = (bundle: string): ProblemMaker => {
  const fill = fillExactly(bundle, 'ProblemTokensError');
  const make =
    (severity: Problem['severity']) =>
    (code: string, where: Where, tokens: unknown[] = [], fixTokens: unknown[] = []): Problem => ({
      code,
      severity,
      file: where.file,
      field: where.field,
      message: fill(`problem.${code}`, tokens),
      fix: fill(`problem.${code}.fix`, fixTokens),
    });
  return { error: make('error'), warning: make('warning') };
};

/**
 * A problem from a named SfError another module threw while reading an input (a file too large,
 * a certificate that does not parse): its name is the code, its actions the fix. The name comes
 * from an `error.<Name>` key of messages/, so it is listed there too.
 */
export const problemFromError = (
  err: SfError,
  where: Where,
  fallbackFix: string,
  severity: Problem['severity'] = 'error'
): Problem => ({
  code: err.name,
  severity,
  file: where.file,
  field: where.field,
  message: err.message,
  fix: (err.actions ?? []).join(' ') || fallbackFix,
});
