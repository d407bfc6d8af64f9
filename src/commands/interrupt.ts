import { setMaxListeners } from 'node:events';
import type { Io } from '../output';

/**
 * The one Ctrl-C / SIGTERM handling of every command that writes to an org (deploy, suspend,
 * resume, offboard): either signal (a CI runner's cancel is SIGTERM) aborts the run's signal once,
 * `says` goes to stderr, and the library stops before its next change; what it does with a call in
 * flight is its own (a deploy is canceled in the org, a lifecycle step finishes). `once`: a second
 * signal ends the process the usual way.
 */
export const withInterrupt = async <T>(io: Io, says: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
  const abort = new AbortController();
  // One signal serves every org of the run (up to 16 at once), each adding its own abort listener.
  setMaxListeners(64, abort.signal);
  const onInterrupt = (): void => {
    if (abort.signal.aborted) return;
    io.stderr(says);
    abort.abort();
  };
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);
  try {
    return await work(abort.signal);
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    process.removeListener('SIGTERM', onInterrupt);
  }
};
