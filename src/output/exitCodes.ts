/**
 * Exit codes, the same numbers `sf project deploy` uses so pipelines can treat both alike.
 * Partial success is never reported as success: security configuration is all or nothing.
 */
export const EXIT_CODES = {
  /** Everything asked for succeeded. */
  ok: 0,
  /** Failed: bad input, a failed check or a failed deploy. Nothing is left half-done in the org. */
  failed: 1,
  /** Some of the work succeeded and some did not (e.g. one of several orgs). */
  partial: 68,
  /** A deploy is still running in the org (e.g. after Ctrl-C); resume it with `deploy --resume`. */
  running: 69,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
