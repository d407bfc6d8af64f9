/** Where a problem is: the project-relative file (or `command line`, or `<org>: <file>`) and the field in it. */
export type Where = {
  file: string;
  /** The field, element or key inside the file (e.g. `vendors.ispm.contactEmail`); '' for the whole file. */
  field: string;
};

/**
 * One thing wrong with the input, reported with everything a user needs to fix it. Checks collect
 * problems instead of throwing, so a run reports all of them at once. Made only by `problemsFrom`
 * (src/problems/problems.ts), whose texts live in messages/.
 */
export type Problem = Where & {
  /** Stable name of the kind of problem (e.g. `NotAnEmail`), listed as `# problem.<code>` in messages/; scripts match it in `--json`. */
  code: string;
  severity: 'error' | 'warning';
  message: string;
  /** How to fix it. */
  fix: string;
};

export const errorsIn = (problems: Problem[]): Problem[] => problems.filter((p) => p.severity === 'error');
