import { type Problem, type Where, problemsFrom } from '../problems';
import type { RangeFault } from './ipRange';

const problem = problemsFrom('network');

/**
 * A refused range as a problem at the place it was found (a values file's list, a SecuritySettings
 * file, a profile's login ranges, vendor.json's published ranges): the code says what is wrong with
 * the range, the file and field say where.
 */
export const rangeProblem = (fault: RangeFault, where: Where): Problem =>
  problem.error(fault.code, where, fault.tokens, fault.fixTokens);
