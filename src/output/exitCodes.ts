/**
 * Exit codes, the same numbers `sf project deploy` uses so pipelines can treat both alike.
 * Partial success is never reported as success: security configuration is all or nothing.
 * messages/exitCodes.md says the same per command; every command's `--help` shows it.
 */
export const EXIT_CODES = {
  /** Everything asked for succeeded. */
  ok: 0,
  /** Failed: bad input, a failed check, or no org got through. */
  failed: 1,
  /** Some orgs or steps succeeded and some did not (e.g. one of several orgs). */
  partial: 68,
  /** A deploy is still running in the org (e.g. after Ctrl-C), or how it ended is unknown. */
  running: 69,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/**
 * How one org (or one step) of a run ended, as the exit code sees it. Each command maps its own
 * outcomes onto these four (deploy's `validated` is ok, a lifecycle `partial` is partial, …).
 */
export type Verdict = 'ok' | 'failed' | 'partial' | 'running';

/**
 * The one outcome → exit-code rule of every org command: anything still running or unknown is 69;
 * all ok is 0; none ok (and nothing partly done) is 1; otherwise 68. No org at all is 1: nothing
 * was checked.
 */
export const exitCodeOf = (verdicts: Verdict[]): ExitCode => {
  if (verdicts.includes('running')) return EXIT_CODES.running;
  const ok = verdicts.filter((v) => v === 'ok').length;
  if (verdicts.length > 0 && ok === verdicts.length) return EXIT_CODES.ok;
  return ok > 0 || verdicts.includes('partial') ? EXIT_CODES.partial : EXIT_CODES.failed;
};
