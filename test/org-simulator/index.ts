import crypto from 'node:crypto';
import type { FaultPlan } from './faults';
import { createOrgState, OrgState, SeedState } from './orgState';
import { countRequests, RequestCounts } from './requestCounts';
import { RequestLog, startServer } from './server';
import { BuiltInShape, OrgShape, SHAPES } from './shapes';
import { loadShapeFile } from './shapeFile';
import { claimUsername, releaseOrgUsernames, usernameOwner } from './usernames';

export type { FaultPlan } from './faults';
export type { OrgState, SeedState } from './orgState';
export type { RequestLog } from './server';
export type { RequestCounts } from './requestCounts';
export type { BuiltInShape, OrgShape } from './shapes';
export { loadShapeFile, ShapeFileError } from './shapeFile';
export { resetUsernameRegistry } from './usernames';

export type OrgSimulatorOptions = {
  shape?: BuiltInShape | OrgShape;
  /** A shape file (the format of shapes/*.json, or one `vendor-access probe` wrote); wins over `shape`. */
  shapeFile?: string;
  /** Makes the org a sandbox of that name, whatever the shape (copied users get `.<name>`). */
  sandbox?: { name: string };
  seed?: SeedState;
  faults?: FaultPlan;
  /** InProgress polls before a deploy finishes (default 1). */
  deployPolls?: number;
  /** Stop by itself after this long without a request (used by `npm run simulator`). */
  idleTimeoutMs?: number;
  /** Serve HTTPS with this key and certificate: needed to log in from `sfdxAuthUrl`, which always means https. */
  tls?: { key: string; cert: string };
};

export type OrgSimulator = {
  instanceUrl: string;
  accessToken: string;
  orgId: string;
  username: string;
  /** Informational: the My Domain URL a real org of this kind has (`<domain>--<sandbox>.sandbox.my.salesforce.com`). */
  myDomainUrl: string;
  state: OrgState;
  /**
   * The admin's sfdx auth URL (`force://PlatformCLI::<refresh token>@127.0.0.1:<port>`), as `sf org
   * display --verbose` prints one; it logs in only when the simulator serves HTTPS (`tls`).
   */
  sfdxAuthUrl: string;
  requests: RequestLog[];
  /** Round trips this org received since it started (or since `requests` was last emptied), by kind. */
  requestCounts: () => RequestCounts;
  faults: { set: (plan: FaultPlan) => void; clear: () => void };
  stop: () => Promise<void>;
};

/** A local Salesforce org on 127.0.0.1 (random port) that the real SDR, @salesforce/core and sf CLI talk to. */
export const startOrgSimulator = async (options: OrgSimulatorOptions = {}): Promise<OrgSimulator> => {
  const named = options.shape ?? 'enterprise';
  const base = options.shapeFile ? loadShapeFile(options.shapeFile) : typeof named === 'string' ? SHAPES[named] : named;
  if (!base) throw new Error(`unknown org shape ${String(named)}`);
  const state = createOrgState(options.sandbox ? { ...base, sandbox: options.sandbox } : base, options.seed ?? {});
  // Usernames are unique across every org the process serves: a seed cannot hold one another org has.
  const usernames = (state.records.get('User') ?? []).map((u) => String(u.Username));
  const taken = usernames.filter((u) => usernameOwner(u) !== undefined);
  if (taken.length)
    throw new Error(
      `org simulator seed: username(s) ${taken.join(
        ', '
      )} already exist in another simulated org; Salesforce usernames are unique across all orgs`
    );
  for (const u of usernames) claimUsername(u, state.orgId);
  // The token must match core's access-token pattern (00D + 12-15 chars + '!'), toolchain 4.1.
  const accessToken = `${state.orgId}!AQ${crypto.randomBytes(24).toString('base64url').replace(/[^\w]/g, 'x')}`;
  const refreshToken = `5Aep861${crypto.randomBytes(24).toString('base64url').replace(/[^\w]/g, 'x')}`;
  let faults: FaultPlan = options.faults ?? {};
  let stopped = false;
  const server = await startServer({
    state,
    accessToken,
    deployPolls: options.deployPolls ?? 1,
    faults: () => faults,
    refreshToken,
    ...(options.tls ? { tls: options.tls } : {}),
    ...(options.idleTimeoutMs ? { idleTimeoutMs: options.idleTimeoutMs, onIdle: () => void stop() } : {}),
  });
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    releaseOrgUsernames(state.orgId);
    await server.close();
  };
  return {
    instanceUrl: server.url,
    accessToken,
    orgId: state.orgId,
    username: String(state.records.get('User')?.[0]?.Username),
    myDomainUrl: state.shape.sandbox
      ? `https://simulated-org--${state.shape.sandbox.name.toLowerCase()}.sandbox.my.salesforce.com`
      : 'https://simulated-org.my.salesforce.com',
    state,
    sfdxAuthUrl: `force://PlatformCLI::${refreshToken}@${server.url.replace(/^https?:\/\//, '')}`,
    requests: server.requests,
    requestCounts: () => countRequests(server.requests),
    faults: { set: (plan) => (faults = plan), clear: () => (faults = {}) },
    stop,
  };
};
