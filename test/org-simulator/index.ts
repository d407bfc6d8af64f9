import crypto from 'node:crypto';
import type { FaultPlan } from './faults';
import { createOrgState, OrgState, SeedState } from './orgState';
import { RequestLog, startServer } from './server';
import type { OrgShape } from './shapes';

export type { FaultPlan } from './faults';
export type { OrgState, SeedState } from './orgState';
export type { RequestLog } from './server';
export type { OrgShape } from './shapes';

export type OrgSimulatorOptions = {
  shape?: 'enterprise' | 'enterprise-shield' | 'developer' | OrgShape;
  seed?: SeedState;
  faults?: FaultPlan;
  /** InProgress polls before a deploy finishes (default 1). */
  deployPolls?: number;
  /** Stop by itself after this long without a request (used by `npm run simulator`). */
  idleTimeoutMs?: number;
};

export type OrgSimulator = {
  instanceUrl: string;
  accessToken: string;
  orgId: string;
  username: string;
  state: OrgState;
  requests: RequestLog[];
  faults: { set: (plan: FaultPlan) => void; clear: () => void };
  stop: () => Promise<void>;
};

/** A local Salesforce org on 127.0.0.1 (random port) that the real SDR, @salesforce/core and sf CLI talk to. */
export const startOrgSimulator = async (options: OrgSimulatorOptions = {}): Promise<OrgSimulator> => {
  const state = createOrgState(options.shape ?? 'enterprise', options.seed ?? {});
  // The token must match core's access-token pattern (00D + 12-15 chars + '!'), toolchain 4.1.
  const accessToken = `${state.orgId}!AQ${crypto.randomBytes(24).toString('base64url').replace(/[^\w]/g, 'x')}`;
  let faults: FaultPlan = options.faults ?? {};
  let stopped = false;
  const server = await startServer({
    state,
    accessToken,
    deployPolls: options.deployPolls ?? 1,
    faults: () => faults,
    ...(options.idleTimeoutMs ? { idleTimeoutMs: options.idleTimeoutMs, onIdle: () => void stop() } : {}),
  });
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await server.close();
  };
  return {
    instanceUrl: server.url,
    accessToken,
    orgId: state.orgId,
    username: String(state.records.get('User')?.[0]?.Username),
    state,
    requests: server.requests,
    faults: { set: (plan) => (faults = plan), clear: () => (faults = {}) },
    stop,
  };
};
