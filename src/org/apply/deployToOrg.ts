import { SfError } from '@salesforce/core/sfError';
import type { Vendor } from '../../catalogue';
import type { VendorMetadata } from '../../metadata';
import type { RangeMerge } from '../../network';
import { type Problem, problemsFrom } from '../../problems';
import { loadMessages } from '../../messages';
import type { OrgValues } from '../../values';
import { analyseOrg, OrgAnalysis } from '../plan/analyseOrg';
import type { OrgConnection } from '../read/connectOrg';
import { buildChangedWorkspace } from '../plan/changedWorkspace';
import { buildDeployWorkspace, DeployWorkspace, WorkspacePlan } from '../plan/deployWorkspace';
import { loginFix } from '../read/loginFix';
import type { FeatureGap } from '../plan/orgFeatures';
import { applyHardening, withHardenedProfile } from './applyHardening';
import { dependencyRefusals, DependencyRefusal } from './dependencyRefusals';
import { buildHandoff, HandoffLine } from './handoff';
import { INTERRUPTED, INTERRUPTED_BEFORE_DEPLOY, interruptedDuringUsers, unlessInterrupted } from './interruption';
import { provisionUser, UserReport } from './provisionUsers';
import { provisionUsersInOneCall } from './provisionUsersInOneCall';
import { DeployProgress, runMetadataDeploy } from './runMetadataDeploy';

const problem = problemsFrom('deploy');
const orgMessages = loadMessages('org');

export type DeployEvent = {
  org: string;
  phase: 'preflight' | 'retrieve' | 'deploy' | 'users' | 'handoff';
  message: string;
  progress?: DeployProgress;
};

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
  /**
   * Runs once the org has been read and before anything is sent (deployOrgs records the settings
   * offboard restores): after the analysis, so it can reuse what the analysis retrieved.
   */
  beforeChange?: () => Promise<void>;
  /**
   * When the org refuses a permission set for want of permissions its PermissionDependency does not
   * list, add them (only those this org has) and deploy once more.
   */
  addRequiredPermissions?: boolean;
};

export type ComponentOutcome = { type: string; fullName: string; state: string; error?: string };

export type OrgDeployReport = {
  targetOrg: string;
  username: string;
  orgId: string;
  instanceUrl: string;
  /**
   * succeeded / validated (dry run) / failed (nothing of this run is in the org) / canceled /
   * running (still in the org: resume it) / unknown (status lost after it started: resume it) /
   * incomplete (the metadata landed, a later step failed: the report says what is in the org).
   */
  outcome: 'succeeded' | 'validated' | 'failed' | 'canceled' | 'running' | 'unknown' | 'incomplete';
  problems: Problem[];
  notes: string[];
  trustedRanges?: Pick<RangeMerge, 'added' | 'alreadyTrusted' | 'stale'> & { kept: number; total: number };
  deploy?: { id: string; status: string; checkOnly: boolean; components: ComponentOutcome[]; errorMessage?: string };
  /** The second deploy: client-credentials apps' OAuth policies naming run-as users this run set up. */
  runAsDeploy?: NonNullable<OrgDeployReport['deploy']>;
  /** What each vendor will not get in this org (an optional org feature it lacks), and why. */
  featureGaps: FeatureGap[];
  users: UserReport[];
  handoff: HandoffLine[];
};

const changedWorkspace = async (
  request: DeployRequest,
  plan: WorkspacePlan,
  report: OrgDeployReport
): Promise<DeployWorkspace | undefined> => {
  const changed = await buildChangedWorkspace(request.projectDir, request.org.connection, plan);
  report.notes.push(...changed.notes);
  return changed.workspace;
};

type Emit = (phase: DeployEvent['phase'], message: string, progress?: DeployProgress) => void;

/**
 * What sending the workspace gave: the deploy as the org reports it, and, when the metadata did not
 * land, the outcome of the run (canceled, unknown, running or failed).
 */
type Sent = {
  deploy: NonNullable<OrgDeployReport['deploy']>;
  notes: string[];
  problems: Problem[];
  /** Undefined when the org reports the deploy Succeeded. */
  notLanded?: 'canceled' | 'unknown' | 'running' | 'failed';
};

/** Deploys (or validates) the workspace. */
const sendMetadata = async (request: DeployRequest, workspace: DeployWorkspace, emit: Emit): Promise<Sent> => {
  const { org } = request;
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
      onProgress: (p) =>
        emit(
          'deploy',
          `${p.status}: ${p.componentsDone}/${p.componentsTotal} components${
            p.componentErrors ? `, ${p.componentErrors} errors` : ''
          }`,
          p
        ),
    });
    if (outcome.kind === 'canceled') {
      return {
        notLanded: 'canceled',
        deploy: { id: outcome.id, status: outcome.status, checkOnly: request.dryRun, components: [] },
        notes: ['The deploy was canceled in the org; with rollbackOnError nothing of it was saved.'],
        problems: [],
      };
    }
    if (outcome.kind === 'lost') {
      const lost = problem.error(
        'DeployStatusLost',
        { file: `${org.targetOrg}: deploy ${outcome.id}`, field: 'status' },
        [outcome.error],
        [loginFix(org.targetOrg, org.instanceUrl), outcome.id]
      );
      return {
        notLanded: 'unknown',
        deploy: { id: outcome.id, status: 'Unknown', checkOnly: request.dryRun, components: [] },
        notes: [],
        problems: [lost],
      };
    }
    if (outcome.kind === 'timedOut') {
      return {
        notLanded: 'running',
        deploy: { id: outcome.id, status: outcome.lastStatus, checkOnly: request.dryRun, components: [] },
        notes: [],
        problems: [],
      };
    }
    const response = outcome.result.response;
    const deploy = {
      id: outcome.id,
      status: String(response.status),
      checkOnly: request.dryRun,
      components: outcome.result.getFileResponses().map((f) => ({
        type: f.type,
        fullName: f.fullName,
        state: String(f.state),
        ...('error' in f && f.error ? { error: f.error } : {}),
      })),
      ...(response.errorMessage ? { errorMessage: response.errorMessage } : {}),
    };
    return {
      deploy,
      notes: [],
      problems: [],
      ...(String(response.status) === 'Succeeded' ? {} : { notLanded: 'failed' as const }),
    };
  } finally {
    workspace.cleanup();
  }
};

/**
 * The integration users and their assignments, added to `users` as they are done (a failure leaves
 * what came before it there). One composite call for every user and assignment; if it cannot carry
 * them or anything in it fails, nothing of it stays and the users are done one request at a time,
 * which names the failure. Hardened mode at work (a profile to use, a user to move, a profile to
 * remove) always goes one request at a time.
 */
const provisionAll = async (
  request: DeployRequest,
  analysis: OrgAnalysis,
  users: UserReport[],
  notes: string[]
): Promise<void> => {
  const { org, vendors, values } = request;
  const hardened = analysis.hardening.some((h) => h.on || h.moveUser !== 'none' || h.removeProfile);
  const together =
    hardened || request.signal?.aborted
      ? undefined
      : await provisionUsersInOneCall(org.connection, vendors, analysis.preflight.users, analysis.facts.permissionSets);
  if (together) {
    users.push(...together);
    return;
  }
  for (const planned of analysis.preflight.users) {
    if (request.signal?.aborted) break;
    const vendor = vendors.find((v) => v.name === planned.vendor) as Vendor;
    const hardening = analysis.hardening.find((h) => h.vendor === vendor.name);
    // eslint-disable-next-line no-await-in-loop -- one user after another: a failure names the user it stopped at
    const plan = await withHardenedProfile(org.connection, planned, hardening);
    // eslint-disable-next-line no-await-in-loop -- one user after another: a failure names the user it stopped at
    const user = await provisionUser(org.connection, vendor, plan, values.file, request.signal);
    users.push(user);
    if (request.signal?.aborted) break;
    // eslint-disable-next-line no-await-in-loop -- the user moves to its hardened profile once it exists
    const moved = await applyHardening(org.connection, vendor, plan, user.userId, hardening);
    if (moved.profile) user.profile = moved.profile;
    notes.push(...moved.done);
  }
};

/**
 * The refusals a failed deploy names that adding user permissions this org has would cure (those
 * the closure did not already add: the org's rule lives outside PermissionDependency).
 */
const refusalsOf = (sent: Sent, analysis: OrgAnalysis): DependencyRefusal[] =>
  dependencyRefusals(sent.deploy.components, analysis.facts.permissions)
    .map((r) => ({
      ...r,
      required: r.required.filter((p) => !(analysis.workspace.extraPermissions.get(r.permissionSet) ?? []).includes(p)),
    }))
    .filter((r) => r.required.length);

const refusalProblem = (targetOrg: string, request: DeployRequest, r: DependencyRefusal): Problem => {
  const file = request.vendors
    .flatMap((v) => v.permissionSets.filter((p) => p.name === r.permissionSet).map((p) => `${v.relDir}/${p.file}`))
    .at(0);
  return problem.error(
    'OrgRefusedPermissionWithout',
    { file: `${targetOrg}: ${file ?? r.permissionSet}`, field: `userPermissions ${r.permission}` },
    [
      r.permissionSet,
      r.permission,
      r.required.join(', '),
      r.unresolved.length ? ` It also names ${r.unresolved.join(', ')}, which are no user permission of this org.` : '',
    ],
    [r.permissionSet, r.required.join(', '), file ?? r.permissionSet]
  );
};

/**
 * Sends the workspace; a deploy the org refused for want of user permissions it has but its
 * PermissionDependency does not list is reported with the corrected set, or, with
 * --add-required-permissions, sent once more with it (nothing of the refused one was saved:
 * rollbackOnError).
 */
const sendCuringRefusals = async (
  request: DeployRequest,
  analysis: OrgAnalysis,
  workspace: DeployWorkspace,
  report: OrgDeployReport,
  emit: Emit
): Promise<Sent> => {
  const sent = await sendMetadata(request, workspace, emit);
  const refused = sent.notLanded === 'failed' ? refusalsOf(sent, analysis) : [];
  if (!refused.length) return sent;
  if (!request.addRequiredPermissions || request.signal?.aborted) {
    report.problems.push(...refused.map((r) => refusalProblem(request.org.targetOrg, request, r)));
    return sent;
  }
  for (const r of refused) {
    const set = analysis.workspace.extraPermissions.get(r.permissionSet) ?? [];
    analysis.workspace.extraPermissions.set(r.permissionSet, [...new Set([...set, ...r.required])]);
    report.notes.push(
      `${r.permissionSet}: the org refused ${r.permission} without ${r.required.join(
        ', '
      )} (its deploy error; its PermissionDependency does not list them); added and deployed again.`
    );
  }
  const again = await changedWorkspace(request, analysis.workspace, report);
  return again ? sendMetadata(request, again, emit) : sent;
};

/**
 * A client-credentials app whose run-as user did not exist went with the flow off; now that the
 * user is set up, its OAuth policy names the user (only what differs from the org is sent).
 */
const nameRunAsUsers = async (
  request: DeployRequest,
  analysis: OrgAnalysis,
  report: OrgDeployReport,
  emit: Emit
): Promise<OrgDeployReport['deploy']> => {
  const runAs = analysis.workspace.runAs ?? [];
  const pending = runAs.filter((r) => r.pending);
  if (!pending.length) return undefined;
  const named = runAs.map((r) => ({ ...r, pending: false }));
  const workspace = await changedWorkspace(request, { ...analysis.workspace, runAs: named }, report);
  if (!workspace) return undefined;
  const users = pending.map((r) => r.username).join(', ');
  emit('deploy', `naming the run-as user(s) ${users} in the OAuth policies`);
  const sent = await sendMetadata(request, workspace, emit);
  report.problems.push(...sent.problems);
  if (sent.notLanded) {
    const errors = sent.deploy.components.flatMap((c) => (c.error ? [`${c.fullName}: ${c.error}`] : []));
    const e = orgMessages.createError('error.RunAsDeployFailed', [
      sent.deploy.id,
      users,
      sent.notLanded,
      errors.length ? ` (${errors.join('; ')})` : '',
    ]);
    e.setData({ field: 'clientCredentialsFlowUser' });
    throw e;
  }
  report.notes.push(...pending.map((r) => `${r.app} now runs as ${r.username} (deploy ${sent.deploy.id}).`));
  return sent.deploy;
};

/** Takes one org to what the vendor guides describe, keeping everything it already had. */
export const deployToOrg = async (request: DeployRequest): Promise<OrgDeployReport> => {
  const { org, vendors, values } = request;
  const emit: Emit = (phase, message, progress) =>
    request.onEvent?.({ org: org.targetOrg, phase, message, ...(progress ? { progress } : {}) });
  const report: OrgDeployReport = {
    targetOrg: org.targetOrg,
    username: org.username,
    orgId: org.orgId,
    instanceUrl: org.instanceUrl,
    outcome: 'failed',
    problems: [],
    notes: [],
    featureGaps: [],
    users: [],
    handoff: [],
  };
  emit('preflight', 'reading permissions, dependencies, licences, users, trusted ranges, External Client Apps');
  const analysed = await unlessInterrupted(analyseOrg(org, vendors, request.metadata, values), request.signal);
  if (analysed === INTERRUPTED) return { ...report, outcome: 'canceled', notes: [INTERRUPTED_BEFORE_DEPLOY] };
  const analysis = analysed;
  await request.beforeChange?.();
  report.problems.push(...analysis.problems);
  report.notes.push(...analysis.notes);
  report.featureGaps = analysis.preflight.gaps;
  if (report.problems.some((p) => p.severity === 'error')) return report;
  const merge = analysis.merge;
  if (merge)
    report.trustedRanges = {
      added: merge.added,
      alreadyTrusted: merge.alreadyTrusted,
      stale: merge.stale,
      kept: merge.kept.length,
      total: merge.ranges.length,
    };

  if (request.signal?.aborted)
    return { ...report, outcome: 'canceled', notes: [...report.notes, INTERRUPTED_BEFORE_DEPLOY] };
  // Reading the org's copies and building the package change nothing: an interruption stops the
  // wait at once (the abandoned folder is removed). A resumed deploy is already in the org: the
  // signal cancels it there (runMetadataDeploy).
  const built = request.resumeId
    ? await buildDeployWorkspace(request.projectDir, analysis.workspace)
    : await unlessInterrupted(changedWorkspace(request, analysis.workspace, report), request.signal, (abandoned) =>
        abandoned?.cleanup()
      );
  if (built === INTERRUPTED)
    return { ...report, outcome: 'canceled', notes: [...report.notes, INTERRUPTED_BEFORE_DEPLOY] };
  const workspace = built;
  if (workspace) {
    const sent = await sendCuringRefusals(request, analysis, workspace, report, emit);
    report.deploy = sent.deploy;
    report.notes.push(...sent.notes);
    report.problems.push(...sent.problems);
    if (sent.notLanded) return { ...report, outcome: sent.notLanded };
  } else {
    report.notes.push('The org already holds every component as intended: nothing was deployed.');
  }
  if (request.dryRun) {
    report.outcome = 'validated';
    return report;
  }
  // From here the metadata is in the org: a failure is its own outcome, never "before deploying".
  const deployId = report.deploy?.id ?? '';
  try {
    emit('users', 'integration users and assignments');
    // One composite call for every user and assignment; if it cannot carry them or anything in it
    // fails, nothing of it stays and the users are done one request at a time, which names the
    // failure. Hardened mode at work (a profile to use, a user to move, a profile to remove) always
    // goes one request at a time.
    await provisionAll(request, analysis, report.users, report.notes);
    // Interrupted: no further write; the report says what is in the org and what is not.
    if (request.signal?.aborted) {
      const pending = analysis.preflight.users
        .filter((u) => !report.users.some((r) => r.username === u.username && !r.interrupted))
        .map((u) => u.username);
      report.outcome = 'incomplete';
      report.notes.push(interruptedDuringUsers(deployId, report.users, pending));
      return report;
    }
    const runAsDeploy = await nameRunAsUsers(request, analysis, report, emit);
    if (runAsDeploy) report.runAsDeploy = runAsDeploy;
    emit('handoff', 'what to give the vendors');
    report.handoff = await buildHandoff(org.connection, vendors, values, report.users, report.featureGaps);
    report.outcome = 'succeeded';
  } catch (err) {
    const e = SfError.wrap(err instanceof Error ? err : String(err));
    report.outcome = 'incomplete';
    const done = report.users.map(
      (u) =>
        `${u.username} ${u.created ? 'created' : 'found'}, assigned ${
          [...u.permissionSetLicensesAssigned, ...u.permissionSetsAssigned].join(', ') || 'nothing new'
        }`
    );
    const where = {
      file: `${org.targetOrg}: deploy ${deployId}`,
      field:
        typeof e.data === 'object' && e.data && 'field' in e.data
          ? String((e.data as { field: unknown }).field)
          : 'users',
    };
    // The error's own actions come first, then how to finish: each followed by a space.
    const fixTokens = [(e.actions ?? []).map((a) => `${a} `).join(''), deployId];
    report.problems.push(
      done.length
        ? problem.error('StepFailedAfterMetadataLandedPartly', where, [deployId, e.message, done.join('; ')], fixTokens)
        : problem.error('StepFailedAfterMetadataLanded', where, [deployId, e.message], fixTokens)
    );
  }
  return report;
};
