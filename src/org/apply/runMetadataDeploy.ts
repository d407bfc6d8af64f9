import type { Connection } from '@salesforce/core';
import {
  ComponentSet,
  DeployResult,
  MetadataApiDeploy,
  MetadataApiDeployStatus,
  RequestStatus,
} from '@salesforce/source-deploy-retrieve';
import { DEFAULT_API_VERSION } from '../read/connectOrg';
import { sdrRegistry } from '../../convert';
import { orgError } from '../orgError';
import { pollDelayMs } from './pollDelay';

/** Progress of one Metadata API deploy, as the org reports it. */
export type DeployProgress = {
  id: string;
  status: string;
  componentsDone: number;
  componentsTotal: number;
  componentErrors: number;
  testsDone: number;
  testsTotal: number;
};

export type DeployRunOptions = {
  checkOnly: boolean;
  components: ComponentSet;
  zipPath?: string;
  /** Resume polling an existing deploy instead of starting one. */
  resumeId?: string;
  onStarted?: (id: string) => void;
  onProgress?: (progress: DeployProgress) => void;
  /** Aborting cancels the deploy in the org (cancelDeploy) and waits for the org to confirm. */
  signal?: AbortSignal;
  /** The longest wait between status polls; polls start at 100 ms and double up to it (pollDelay.ts). */
  pollIntervalMs?: number;
  /** Give up waiting after this long; the deploy keeps running in the org (exit 69). */
  timeoutMs?: number;
  /** Transient poll failures (dropped connection, 5xx, REQUEST_LIMIT_EXCEEDED) tolerated in a row. */
  maxPollRetries?: number;
};

export type DeployOutcome =
  | { kind: 'finished'; id: string; result: DeployResult }
  | { kind: 'canceled'; id: string; status: string }
  | { kind: 'timedOut'; id: string; lastStatus: string }
  /** Polling failed for good: the deploy's fate is unknown here, never reported as success. */
  | { kind: 'lost'; id: string; error: string };

const DONE = new Set<string>([
  RequestStatus.Succeeded,
  RequestStatus.SucceededPartial,
  RequestStatus.Failed,
  RequestStatus.Canceled,
]);

/** Failures worth polling again: the deploy itself is unaffected by a lost status call. */
export const isTransient = (err: unknown): boolean => {
  const e = err as { name?: string; errorCode?: string; code?: string; message?: string; statusCode?: number };
  const text = `${e.name ?? ''} ${e.errorCode ?? ''} ${e.code ?? ''} ${e.message ?? ''}`;
  return /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|socket hang up|REQUEST_LIMIT_EXCEEDED|ERROR_HTTP_5\d\d|\b5\d\d\b|Server Error|Service Unavailable|UNKNOWN_EXCEPTION/i.test(
    text
  );
};

/** Waits, or stops waiting when the signal aborts; the listener is removed either way, so polls do not pile them up. */
const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

const progressOf = (s: MetadataApiDeployStatus): DeployProgress => ({
  id: s.id,
  status: String(s.status),
  componentsDone: Number(s.numberComponentsDeployed ?? 0),
  componentsTotal: Number(s.numberComponentsTotal ?? 0),
  componentErrors: Number(s.numberComponentErrors ?? 0),
  testsDone: Number(s.numberTestsCompleted ?? 0),
  testsTotal: Number(s.numberTestsTotal ?? 0),
});

/**
 * Runs one deploy (or check-only validation) through SDR and polls it to the end. Polling is ours,
 * not SDR's pollStatus, so that a dropped connection or a 5xx while polling is retried with
 * backoff instead of failing a deploy that is still running, and so that success is reported only
 * when the org itself said Succeeded.
 */
export const runMetadataDeploy = async (connection: Connection, options: DeployRunOptions): Promise<DeployOutcome> => {
  const deploy = new MetadataApiDeploy({
    usernameOrConnection: connection,
    registry: sdrRegistry(),
    components: options.components,
    ...(options.zipPath ? { zipPath: options.zipPath } : {}),
    ...(options.resumeId ? { id: options.resumeId } : {}),
    apiOptions: {
      checkOnly: options.checkOnly,
      rollbackOnError: true,
      singlePackage: true,
      testLevel: 'NoTestRun',
      ignoreWarnings: false,
    },
  });
  const id = options.resumeId ?? (await deploy.start()).id;
  options.onStarted?.(id);
  const interval = options.pollIntervalMs ?? 1000;
  let polls = 0;
  // A deploy just started is still Queued: wait the first short step before asking. A resumed one
  // has been running for a while, so its first poll goes out at once.
  if (!options.resumeId) await sleep(pollDelayMs(polls++, interval), options.signal);
  const deadline = Date.now() + (options.timeoutMs ?? 33 * 60_000);
  let failures = 0;
  let lastStatus = 'Queued';
  let cancelRequested = false;
  for (;;) {
    if (options.signal?.aborted && !cancelRequested) {
      cancelRequested = true;
      // eslint-disable-next-line no-await-in-loop -- the cancel goes out once, before the next status request
      await deploy.cancel();
    }
    let status: MetadataApiDeployStatus;
    try {
      // eslint-disable-next-line no-await-in-loop -- polling: each status request waits for the answer to the one before
      status = await deploy.checkStatus();
      failures = 0;
    } catch (err) {
      if (!isTransient(err) || ++failures > (options.maxPollRetries ?? 8))
        // A network failure is told in words with its host (node's text may carry user:password@ from a URL).
        return { kind: 'lost', id, error: orgError(err).message };
      // eslint-disable-next-line no-await-in-loop -- backoff: wait before asking again after a transient failure
      await sleep(Math.min(30_000, interval * 2 ** failures));
      continue;
    }
    lastStatus = String(status.status);
    options.onProgress?.(progressOf(status));
    if (status.done || DONE.has(lastStatus)) {
      if (lastStatus === String(RequestStatus.Canceled)) return { kind: 'canceled', id, status: lastStatus };
      return { kind: 'finished', id, result: new DeployResult(status, options.components) };
    }
    if (Date.now() > deadline) return { kind: 'timedOut', id, lastStatus };
    // eslint-disable-next-line no-await-in-loop -- polling: wait between one status request and the next
    await sleep(pollDelayMs(polls++, interval), cancelRequested ? undefined : options.signal);
  }
};

/**
 * Deploys a component set built on the spot (not a checked package): our source format version, the
 * org's API version, and the same polling as every deploy. The lifecycle's app switch and removal use it.
 */
export const deployComponentSet = (
  connection: Connection,
  components: ComponentSet,
  options: { signal?: AbortSignal; pollIntervalMs?: number } = {}
): Promise<DeployOutcome> => {
  // eslint-disable-next-line no-param-reassign -- the set was built for this deploy; SDR reads the versions from it
  components.sourceApiVersion = DEFAULT_API_VERSION;
  // eslint-disable-next-line no-param-reassign -- as above
  components.apiVersion = connection.getApiVersion();
  return runMetadataDeploy(connection, {
    checkOnly: false,
    components,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
  });
};
