import type { Verdict } from '../output';
import type { OrgOutcome } from './lifecycleStep';

/** An org's lifecycle outcome for the exit code: succeeded (or, in a dry run, planned) is ok; partial stays partial. */
export const lifecycleVerdict = (outcome: OrgOutcome): Verdict => {
  if (outcome === 'succeeded' || outcome === 'planned') return 'ok';
  return outcome === 'partial' ? 'partial' : 'failed';
};
