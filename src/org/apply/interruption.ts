import type { UserReport } from './provisionUsers';

/** What `unlessInterrupted` returns when the signal fired first. */
export const INTERRUPTED: unique symbol = Symbol('interrupted');

/**
 * Waits for `work`, or stops waiting as soon as `signal` aborts (Ctrl-C, SIGTERM). Only for work
 * that changes nothing in the org (reads, local builds): it is left to finish on its own, its
 * result handed to `abandon` (e.g. to remove a temporary folder) and its failure ignored.
 */
export const unlessInterrupted = async <T>(
  work: Promise<T>,
  signal?: AbortSignal,
  abandon: (result: T) => void = (): undefined => undefined
): Promise<T | typeof INTERRUPTED> => {
  if (!signal) return work;
  const drop = (): void => {
    work.then(abandon, () => undefined).catch(() => undefined);
  };
  if (signal.aborted) {
    drop();
    return INTERRUPTED;
  }
  let onAbort = (): void => undefined;
  const aborted = new Promise<typeof INTERRUPTED>((resolve) => {
    onAbort = (): void => resolve(INTERRUPTED);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const result = await Promise.race([work, aborted]);
    if (result === INTERRUPTED) drop();
    return result;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
};

/** The note for an interruption before the deploy call: nothing reached the org. */
export const INTERRUPTED_BEFORE_DEPLOY = 'Interrupted before the deploy started: nothing was sent to the org.';

/**
 * The note for an interruption after the metadata landed: what was done stays, what was not is
 * named, and running deploy again finishes it (users and assignments are idempotent).
 */
export const interruptedDuringUsers = (deployId: string, done: UserReport[], pending: string[]): string => {
  const did = done.map(
    (u) =>
      `${u.username} ${u.created ? 'created' : 'found'}${
        u.permissionSetLicensesAssigned.length + u.permissionSetsAssigned.length
          ? `, assigned ${[...u.permissionSetLicensesAssigned, ...u.permissionSetsAssigned].join(', ')}`
          : ''
      }${u.interrupted ? ' (stopped before its next assignment)' : ''}`
  );
  return [
    `Interrupted after deploy ${deployId} succeeded: its metadata stays in the org.`,
    `Done: ${did.length ? did.join('; ') : 'no user created or assigned'}.`,
    pending.length ? `Not done: ${pending.join(', ')}.` : '',
    'Run vendor-access deploy again with the same flags to finish; it skips what is already there.',
  ]
    .filter(Boolean)
    .join(' ');
};
