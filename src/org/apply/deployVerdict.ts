import type { Verdict } from '../../output';
import type { OrgDeployReport } from './deployToOrg';

/** A deploy's outcome for the exit code: a still-running or unknown deploy is 69 like sf (messages/exitCodes.md). */
export const deployVerdict = (outcome: OrgDeployReport['outcome']): Verdict => {
  if (outcome === 'running' || outcome === 'unknown') return 'running';
  return outcome === 'succeeded' || outcome === 'validated' ? 'ok' : 'failed';
};
