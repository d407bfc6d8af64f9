/**
 * One thing wrong with the input, reported with everything a user needs to fix it. Checks collect
 * problems instead of throwing, so a run reports all of them at once.
 */
export type Problem = {
  severity: 'error' | 'warning';
  /** Project-relative file the problem is in. */
  file: string;
  /** The field, element or key inside the file (e.g. `vendors.ispm.contactEmail`). */
  field: string;
  message: string;
  /** How to fix it. */
  fix: string;
};

export const errorsIn = (problems: Problem[]): Problem[] => problems.filter((p) => p.severity === 'error');
