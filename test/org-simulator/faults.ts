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
  /** Faults on the nth call (from 1) of one operation: a SOAP op such as checkDeployStatus, or a REST path part. */
  onOperation?: Array<{ op: string; nth: number; fault: 'drop' | 'serverError' | 'rateLimit' | 'expiredSession' }>;
};

export type FaultDecision = 'drop' | 'serverError' | 'rateLimit' | 'expiredSession' | undefined;

export const decideFault = (plan: FaultPlan, call: number, op: string, opCall: number): FaultDecision => {
  const targeted = plan.onOperation?.find((f) => op.includes(f.op) && f.nth === opCall);
  if (targeted) return targeted.fault;
  if (plan.dropConnectionOnCalls?.includes(call)) return 'drop';
  if (plan.serverErrorOnCalls?.includes(call)) return 'serverError';
  if (plan.rateLimitOnCalls?.includes(call)) return 'rateLimit';
  if (plan.expireSessionFromCall !== undefined && call >= plan.expireSessionFromCall) return 'expiredSession';
  return undefined;
};
