import type { Problem } from './problem';

/**
 * One problem as a person reads it: severity, file, field, message, then the fix. It is the text of
 * a Problem, not a report layout: errors that carry problems (CheckFailed) are built from it in the
 * library, and the reports in output/ use the same lines.
 */
export const problemText = (p: Problem): string =>
  `${p.severity === 'error' ? 'ERROR' : 'WARNING'} ${p.file}${p.field ? ` [${p.field}]` : ''}: ${p.message}\n    Fix: ${
    p.fix
  }`;
