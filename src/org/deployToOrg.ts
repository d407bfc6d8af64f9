import type { Vendor } from '../catalogue';
import type { VendorMetadata } from '../metadata/checkVendorMetadata';
import type { RangeMerge } from '../network';
import type { Problem } from '../output/problem';
import type { OrgValues } from '../values';
import { analyseOrg } from './analyseOrg';
import type { OrgConnection } from './connectOrg';
import { buildDeployWorkspace } from './deployWorkspace';
import { buildHandoff, HandoffLine } from './handoff';
import type { FeatureGap } from './orgFeatures';
import { provisionUser, UserReport } from './provisionUsers';
import { DeployProgress, runMetadataDeploy } from './runMetadataDeploy';

export type DeployEvent = { org: string; phase: 'preflight' | 'retrieve' | 'deploy' | 'users' | 'handoff'; message: string; progress?: DeployProgress };

export type DeployRequest = {
  projectDir: string;
  vendors: Vendor[];
  metadata: VendorMetadata[];
  values: OrgValues;
  org: OrgConnection;
  dryRun: boolean;
  resumeId?: string;
  signal?: AbortSignal;
  onEvent?: (event: DeployEvent) => void;
  pollIntervalMs?: number;
  waitMs?: number;
};

export type ComponentOutcome = { type: string; fullName: string; state: string; error?: string };

export type OrgDeployReport = {
  targetOrg: string;
  username: string;
  orgId: string;
  instanceUrl: string;
  /** succeeded / validated (dry run) / failed / canceled / running (still in the org: resume it). */
  outcome: 'succeeded' | 'validated' | 'failed' | 'canceled' | 'running';
  problems: Problem[];
  notes: string[];
  trustedRanges?: Pick<RangeMerge, 'added' | 'alreadyTrusted' | 'stale'> & { kept: number; total: number };
  deploy?: { id: string; status: string; checkOnly: boolean; components: ComponentOutcome[]; errorMessage?: string };
  /** What each vendor will not get in this org (an optional org feature it lacks), and why. */
  featureGaps: FeatureGap[];
  users: UserReport[];
  handoff: HandoffLine[];
};

/** Takes one org to what the vendor guides describe, keeping everything it already had. */
export const deployToOrg = async (request: DeployRequest): Promise<OrgDeployReport> => {
  const { org, vendors, values } = request;
  const emit = (phase: DeployEvent['phase'], message: string, progress?: DeployProgress): void => request.onEvent?.({ org: org.targetOrg, phase, message, ...(progress ? { progress } : {}) });
  const report: OrgDeployReport = { targetOrg: org.targetOrg, username: org.username, orgId: org.orgId, instanceUrl: org.instanceUrl, outcome: 'failed', problems: [], notes: [], featureGaps: [], users: [], handoff: [] };
  emit('preflight', 'reading permissions, dependencies, licences, users, trusted ranges, External Client Apps');
  const analysis = await analyseOrg(org, vendors, request.metadata, values);
  report.problems.push(...analysis.problems);
  report.notes.push(...analysis.notes);
  report.featureGaps = analysis.preflight.gaps;
  if (report.problems.some((p) => p.severity === 'error')) return report;
  const merge = analysis.merge;
  if (merge) report.trustedRanges = { added: merge.added, alreadyTrusted: merge.alreadyTrusted, stale: merge.stale, kept: merge.kept.length, total: merge.ranges.length };

  const workspace = await buildDeployWorkspace(request.projectDir, analysis.workspace);
  try {
    emit('deploy', request.dryRun ? 'validating (check-only deploy, nothing is saved)' : 'deploying');
    const outcome = await runMetadataDeploy(org.connection, {
      checkOnly: request.dryRun,
      components: workspace.components,
      zipPath: workspace.zipPath,
      ...(request.resumeId ? { resumeId: request.resumeId } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
      ...(request.pollIntervalMs ? { pollIntervalMs: request.pollIntervalMs } : {}),
      ...(request.waitMs === undefined ? {} : { timeoutMs: request.waitMs }),
      onStarted: (id) => emit('deploy', `deploy id ${id}`),
      onProgress: (p) => emit('deploy', `${p.status}: ${p.componentsDone}/${p.componentsTotal} components${p.componentErrors ? `, ${p.componentErrors} errors` : ''}`, p),
    });
    if (outcome.kind === 'canceled') {
      report.outcome = 'canceled';
      report.deploy = { id: outcome.id, status: outcome.status, checkOnly: request.dryRun, components: [] };
      report.notes.push('The deploy was canceled in the org; with rollbackOnError nothing of it was saved.');
      return report;
    }
    if (outcome.kind === 'lost') {
      report.deploy = { id: outcome.id, status: 'Unknown', checkOnly: request.dryRun, components: [] };
      report.problems.push({
        severity: 'error',
        file: `${org.targetOrg}: deploy ${outcome.id}`,
        field: 'status',
        message: `lost track of the deploy after it started: ${outcome.error}`,
        fix: `Log in again if the session expired (sf org login web -a ${org.targetOrg}), then run vendor-access deploy --resume ${outcome.id} with the same flags to see how it ended.`,
      });
      return report;
    }
    if (outcome.kind === 'timedOut') {
      report.outcome = 'running';
      report.deploy = { id: outcome.id, status: outcome.lastStatus, checkOnly: request.dryRun, components: [] };
      return report;
    }
    const response = outcome.result.response;
    report.deploy = {
      id: outcome.id,
      status: String(response.status),
      checkOnly: request.dryRun,
      components: outcome.result.getFileResponses().map((f) => ({ type: f.type, fullName: f.fullName, state: String(f.state), ...('error' in f && f.error ? { error: f.error } : {}) })),
      ...(response.errorMessage ? { errorMessage: response.errorMessage } : {}),
    };
    if (String(response.status) !== 'Succeeded') return report;
  } finally {
    workspace.cleanup();
  }
  if (request.dryRun) {
    report.outcome = 'validated';
    return report;
  }
  emit('users', 'integration users and assignments');
  for (const plan of analysis.preflight.users) {
    const vendor = vendors.find((v) => v.name === plan.vendor) as Vendor;
    report.users.push(await provisionUser(org.connection, vendor, plan));
  }
  emit('handoff', 'what to give the vendors');
  report.handoff = await buildHandoff(org.connection, vendors, values, report.users, report.featureGaps);
  report.outcome = 'succeeded';
  return report;
};
