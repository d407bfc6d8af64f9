import type { Problem } from '../inputs/problem';

/** One problem as a person reads it: severity, file, field, message, then the fix. */
export const formatProblem = (p: Problem): string =>
  `${p.severity === 'error' ? 'ERROR' : 'WARNING'} ${p.file}${p.field ? ` [${p.field}]` : ''}: ${p.message}\n    Fix: ${
    p.fix
  }`;
