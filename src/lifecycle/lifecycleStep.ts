/** One change a lifecycle command makes (or, in a dry run, would make) in one org. */
export type StepKind =
  | 'freezeUser'
  | 'unfreezeUser'
  | 'revokeToken'
  | 'endSession'
  | 'disableApp'
  | 'enableApp'
  | 'removeAssignment'
  | 'removeLicenceAssignment'
  | 'deactivateUser'
  | 'moveUserProfile'
  | 'deleteMetadata'
  | 'removeTrustedRanges'
  | 'keepSetting'
  | 'restoreSetting';

/**
 * planned: a dry run would do it. done: the org confirmed it. already: the org already was so, nothing
 * sent. failed: the org refused or the call failed (error says why). unknown: the call was sent but no
 * answer came back, so whether it landed is not known (run the command again: it re-reads the org).
 * skipped: not attempted (interrupted, or an earlier step it depends on failed). kept: deliberately left.
 */
export type StepOutcome = 'planned' | 'done' | 'already' | 'failed' | 'unknown' | 'skipped' | 'kept';

export type LifecycleStep = {
  vendor: string;
  kind: StepKind;
  /** What the step acts on, for a person: a username, an app, a token's app, a component. */
  target: string;
  outcome: StepOutcome;
  detail?: string;
  error?: string;
};

export const step = (
  vendor: string,
  kind: StepKind,
  target: string,
  outcome: StepOutcome,
  detail?: string
): LifecycleStep => ({ vendor, kind, target, outcome, ...(detail ? { detail } : {}) });

/** A dropped connection or timeout after sending: the change may have landed. */
export const isNoAnswer = (err: unknown): boolean =>
  /ECONNRESET|socket hang up|ETIMEDOUT|EPIPE/i.test(
    `${(err as { code?: string }).code ?? ''} ${(err as Error).message ?? ''}`
  );

/** Runs one step's call and records how it ended; never throws. */
export const attempt = async (
  s: LifecycleStep,
  work: () => Promise<void>,
  signal?: AbortSignal
): Promise<LifecycleStep> => {
  if (signal?.aborted) return { ...s, outcome: 'skipped', error: 'interrupted before this step' };
  try {
    await work();
    return { ...s, outcome: 'done' };
  } catch (err) {
    const message =
      err instanceof Error
        ? `${
            (err as { errorCode?: string }).errorCode ? `${(err as { errorCode?: string }).errorCode as string}: ` : ''
          }${err.message}`
        : String(err);
    return { ...s, outcome: isNoAnswer(err) ? 'unknown' : 'failed', error: message };
  }
};

export type OrgOutcome = 'succeeded' | 'planned' | 'partial' | 'failed';

/** All done (or already so) is success; nothing done and something failed is failure; a mix is partial, never success. */
export const outcomeOf = (steps: LifecycleStep[], dryRun: boolean): OrgOutcome => {
  // A dry run that already knows a step cannot be done (no such user) says so: it is no plan.
  if (dryRun) return steps.some((s) => s.outcome === 'failed') ? 'failed' : 'planned';
  const bad = steps.filter((s) => ['failed', 'unknown', 'skipped'].includes(s.outcome));
  if (!bad.length) return 'succeeded';
  return steps.some((s) => s.outcome === 'done') ? 'partial' : 'failed';
};
