/**
 * Faults on demand, each bounded by the number of calls it names, so every run stops by itself.
 * Call numbers count every request the simulator receives, from 1.
 */
export type FaultPlan = {
  /** Added delay for every call. */
  latencyMs?: number;
  /** Calls answered with HTTP 500. */
  serverErrorOnCalls?: number[];
  /** Calls whose connection is dropped without an answer. */
  dropConnectionOnCalls?: number[];
  /** Calls answered REQUEST_LIMIT_EXCEEDED. */
  rateLimitOnCalls?: number[];
  /** From this call on, the session is expired (INVALID_SESSION_ID). */
  expireSessionFromCall?: number;
  /** Extra InProgress polls every deploy takes. */
  stuckDeployPolls?: number;
};

export type FaultDecision = 'drop' | 'serverError' | 'rateLimit' | 'expiredSession' | undefined;

export const decideFault = (plan: FaultPlan, call: number): FaultDecision => {
  if (plan.dropConnectionOnCalls?.includes(call)) return 'drop';
  if (plan.serverErrorOnCalls?.includes(call)) return 'serverError';
  if (plan.rateLimitOnCalls?.includes(call)) return 'rateLimit';
  if (plan.expireSessionFromCall !== undefined && call >= plan.expireSessionFromCall) return 'expiredSession';
  return undefined;
};
