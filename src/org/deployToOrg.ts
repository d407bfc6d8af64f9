import type { Vendor } from '../catalogue';
import type { VendorMetadata } from '../metadata/checkVendorMetadata';
import { selectText, selectValues } from '../metadata/elementPath';
import { parseMetadataXml, textOf } from '../metadata/xml';
import { IpRange, mergeTrustedRanges, OwnedRanges, RangeMerge } from '../network';
import type { Problem } from '../output/problem';
import type { OrgValues } from '../values';
import type { OrgConnection } from './connectOrg';
import { buildDeployWorkspace } from './deployWorkspace';
import { buildHandoff, HandoffLine } from './handoff';
import { preflight } from './preflight';
import { provisionUser, UserReport } from './provisionUsers';
import { readOrgFacts } from './readOrgFacts';
import { listOrgMetadata, retrieveOrgMetadata } from './retrieveOrgMetadata';
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
  users: UserReport[];
  handoff: HandoffLine[];
};

/** The org's trusted ranges as the retrieved SecuritySettings lists them. */
export const parseTrustedRanges = (xml: string | undefined): IpRange[] => {
  if (!xml) return [];
  const parsed = parseMetadataXml(xml);
  if (!parsed.ok) return [];
  return selectValues(parsed.node, 'networkAccess/ipRanges').flatMap((node) => {
    if (typeof node !== 'object') return [];
    const description = textOf(node.description?.[0]);
    return [{ start: textOf(node.start?.[0]) ?? '', end: textOf(node.end?.[0]) ?? '', ...(description === undefined ? {} : { description }) }];
  });
};

const ECA_TYPES = ['ExternalClientApplication', 'ExtlClntAppOauthConfigurablePolicies', 'ExtlClntAppConfigurablePolicies'];

/**
 * The org names ECA policy records it auto-created when the app was first saved; deploying ours under
 * another name fails with "duplicate value found: ExternalClientApplicationId duplicates value on
 * <name>" (reference A.8.2). Reuse the org's names, matched by the app-name prefix as hardis does.
 */
const policyRenames = (vendors: Vendor[], names: Map<string, string[]>): Map<string, string> => {
  const renames = new Map<string, string>();
  for (const vendor of vendors) {
    const eca = vendor.externalClientApp;
    if (!eca || !names.get('ExternalClientApplication')?.includes(eca.name)) continue;
    for (const [type, ours] of [
      ['ExtlClntAppOauthConfigurablePolicies', eca.oauthPolicies],
      ['ExtlClntAppConfigurablePolicies', eca.policies],
    ] as const) {
      const fullName = ours.split('/').pop()?.replace(/\.[A-Za-z]+-meta\.xml$/, '') ?? '';
      const existing = (names.get(type) ?? []).filter((n) => n.startsWith(`${eca.name}_`));
      if (existing.length && !existing.includes(fullName)) renames.set(fullName, existing[0] as string);
    }
  }
  return renames;
};

/** Takes one org to what the vendor guides describe, keeping everything it already had. */
export const deployToOrg = async (request: DeployRequest): Promise<OrgDeployReport> => {
  const { org, vendors, values } = request;
  const emit = (phase: DeployEvent['phase'], message: string, progress?: DeployProgress): void => request.onEvent?.({ org: org.targetOrg, phase, message, ...(progress ? { progress } : {}) });
  const report: OrgDeployReport = { targetOrg: org.targetOrg, username: org.username, orgId: org.orgId, instanceUrl: org.instanceUrl, outcome: 'failed', problems: [], notes: [], users: [], handoff: [] };
  const usernames = vendors.map((v) => String(values.vendors[v.name]?.values.integrationUsername ?? '')).filter(Boolean);

  emit('preflight', 'reading permissions, dependencies, licences, users');
  const facts = await readOrgFacts(org.connection, vendors, usernames);
  const pre = preflight(facts, vendors, values, request.metadata, org.targetOrg);
  report.problems.push(...pre.problems);
  report.notes.push(...pre.notes);

  emit('retrieve', 'reading trusted IP ranges and External Client Apps');
  const owned: OwnedRanges[] = vendors.flatMap((v, i) => {
    const ranges = [...(request.metadata[i]?.fixedRanges ?? []), ...(values.vendors[v.name]?.trustedRanges ?? [])];
    return ranges.length ? [{ owner: v.trustedRanges.owner, descriptionPrefix: v.trustedRanges.descriptionPrefix, ranges }] : [];
  });
  const hasEca = vendors.some((v) => v.externalClientApp);
  const current = await retrieveOrgMetadata(org.connection, [
    ...(owned.length ? [{ type: 'Settings', fullName: 'Security' }] : []),
    ...(hasEca ? [{ type: 'Settings', fullName: 'ExternalClientApp' }] : []),
  ]);
  if (hasEca) {
    const settings = parseMetadataXml(current.get('settings/ExternalClientApp.settings') ?? '<x/>');
    if (!settings.ok || selectText(settings.node, 'enableExternalClientApps') !== 'true') {
      report.problems.push({ severity: 'error', file: `${org.targetOrg}: Settings:ExternalClientApp`, field: 'enableExternalClientApps', message: 'this org has not opted in to External Client Apps', fix: 'In Setup > External Client App Settings, turn on "Allow access to External Client App"; or deploy ExternalClientAppSettings with enableExternalClientApps true.' });
    }
  }
  if (report.problems.some((p) => p.severity === 'error')) return report;

  const merge = owned.length ? mergeTrustedRanges(parseTrustedRanges(current.get('settings/Security.settings')), owned) : undefined;
  if (merge) report.trustedRanges = { added: merge.added, alreadyTrusted: merge.alreadyTrusted, stale: merge.stale, kept: merge.kept.length, total: merge.ranges.length };
  const names = hasEca ? await listOrgMetadata(org.connection, ECA_TYPES) : new Map<string, string[]>();
  const renames = policyRenames(vendors, names);
  for (const [ours, theirs] of renames) report.notes.push(`${ours} is deployed as ${theirs}, the policy record the org already holds for the app.`);

  const workspace = await buildDeployWorkspace(request.projectDir, {
    vendors,
    values: vendors.flatMap((v) => (values.vendors[v.name] ? [values.vendors[v.name] as NonNullable<(typeof values.vendors)[string]>] : [])),
    extraPermissions: pre.extraPermissions,
    ...(merge && merge.added.length ? { trustedRanges: merge.ranges } : {}),
    renames,
  });
  try {
    emit('deploy', request.dryRun ? 'validating (check-only deploy, nothing is saved)' : 'deploying');
    const outcome = await runMetadataDeploy(org.connection, {
      checkOnly: request.dryRun,
      components: workspace.components,
      zipPath: workspace.zipPath,
      ...(request.resumeId ? { resumeId: request.resumeId } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
      ...(request.pollIntervalMs ? { pollIntervalMs: request.pollIntervalMs } : {}),
      onStarted: (id) => emit('deploy', `deploy id ${id}`),
      onProgress: (p) => emit('deploy', `${p.status}: ${p.componentsDone}/${p.componentsTotal} components${p.componentErrors ? `, ${p.componentErrors} errors` : ''}`, p),
    });
    if (outcome.kind === 'canceled') {
      report.outcome = 'canceled';
      report.deploy = { id: outcome.id, status: outcome.status, checkOnly: request.dryRun, components: [] };
      report.notes.push('The deploy was canceled in the org; with rollbackOnError nothing of it was saved.');
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
  for (const plan of pre.users) {
    const vendor = vendors.find((v) => v.name === plan.vendor) as Vendor;
    report.users.push(await provisionUser(org.connection, vendor, plan));
  }
  emit('handoff', 'what to give the vendors');
  report.handoff = await buildHandoff(org.connection, vendors, values, report.users);
  report.outcome = 'succeeded';
  return report;
};
