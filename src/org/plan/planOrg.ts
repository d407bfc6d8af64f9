import { inspectCertificate } from '../../certificate';
import { flowOf, OauthFlow } from '../../catalogue';
import { selectText, ORG_FIELDS, parseMetadataXml } from '../../metadata';
import type { IpRange } from '../../network';
import type { Problem } from '../../problems';
import type { ExitCode } from '../../output';
import type { OrgConnection } from '../read/connectOrg';
import { exitCodeOfRun, OrgFailure, runOrgs } from '../runOrgs';
import { hardeningChanges, HardeningPlan } from '../hardening';
import { prepareVendors } from '../read/prepareVendors';
import { analyseOrg } from './analyseOrg';
import { ComponentPlan, compareWithOrg, credentialNotes } from './compareWithOrg';
export type { ComponentPlan } from './compareWithOrg';
import type { FeatureGap } from './orgFeatures';
import { buildDeployWorkspace } from './deployWorkspace';
import { planVerdict } from './formatPlan';
import type { RunAs } from './runAsUser';

/** A hardening plan as the plan shows it: without profileFile, an absolute path of this machine. */
const withoutProfileFile = (h: HardeningPlan): Omit<HardeningPlan, 'profileFile'> => {
  const shown: Omit<HardeningPlan, 'profileFile'> & { profileFile?: string } = { ...h };
  delete shown.profileFile;
  return shown;
};

export type UserChange = {
  vendor: string;
  username: string;
  action: 'create' | 'none';
  assign: string[];
  /** The user's last successful login (User.LastLoginDate), when it has one. */
  lastLogin?: string;
};

/** The certificate and consumer key the org actually holds on a vendor's External Client App. */
export type OrgAppFacts = {
  vendor: string;
  app: string;
  /** The app's OAuth flow (vendor.json): the certificate matters to JWT bearer only. */
  flow: OauthFlow;
  certificate?: { sha256Fingerprint: string; notAfter: string; daysLeft: number };
  consumerKey?: string;
};

export type OrgPlan = {
  targetOrg: string;
  instanceUrl: string;
  apps: OrgAppFacts[];
  problems: Problem[];
  notes: string[];
  components: ComponentPlan[];
  trustedRanges?: { add: Array<IpRange & { owner: string }>; keep: number };
  users: UserChange[];
  /** What each vendor will not get in this org (an optional org feature it lacks). */
  featureGaps: FeatureGap[];
  /** Hardened mode per vendor that offers it, and the user moves or profile removal a deploy would make. */
  hardening: Array<Omit<HardeningPlan, 'profileFile'>>;
  hardeningChanges: string[];
  /** Vendor → whether its External Client App's OAuth policy, as the org holds it, enforces IP restrictions. */
  appEnforcesIp: Record<string, boolean>;
  /** Client-credentials apps and the user each runs as in this org (the sandbox copy included). */
  runAs: RunAs[];
  /** True when a deploy would change nothing. */
  inSync: boolean;
};

/** What a deploy would change in one org, value by value. Reads the org; changes nothing. */
export const planOrg = async (
  projectDir: string,
  prepared: Awaited<ReturnType<typeof prepareVendors>>,
  org: OrgConnection
): Promise<OrgPlan> => {
  const analysis = await analyseOrg(org, prepared.vendors, prepared.metadata, prepared.values);
  const workspace = await buildDeployWorkspace(projectDir, { ...analysis.workspace, metadataDir: true });
  try {
    const compared = await compareWithOrg(org.connection, workspace);
    const current = compared.current;
    // Trusted ranges are planned range by range below (the merge), not as a file.
    const components = compared.components.filter((c) => c.component !== 'settings/Security.settings');
    const assignments = analysis.facts.assignments;
    const users = analysis.preflight.users.map((plan): UserChange => {
      const held = plan.existing ? assignments.get(plan.existing.id) ?? new Set<string>() : new Set<string>();
      const assign = plan.permissionSets.filter((name) => {
        const id = analysis.facts.permissionSets.get(name);
        return !id || !held.has(id);
      });
      return {
        vendor: plan.vendor,
        username: plan.username,
        action: plan.existing ? 'none' : 'create',
        assign,
        ...(plan.existing?.lastLoginDate ? { lastLogin: plan.existing.lastLoginDate } : {}),
      };
    });
    const apps = prepared.vendors.flatMap((vendor): OrgAppFacts[] => {
      const eca = vendor.externalClientApp;
      if (!eca) return [];
      const xml = current.get(eca.globalOauthSettings.replace(/^main\/default\//, '').replace(/-meta\.xml$/, ''));
      return [{ vendor: vendor.name, app: eca.name, flow: flowOf(eca), ...readAppFacts(xml) }];
    });
    const add = analysis.merge?.added ?? [];
    const changes = hardeningChanges(
      analysis.hardening,
      new Set(users.filter((u) => u.action === 'create').map((u) => u.username))
    );
    const appEnforcesIp: Record<string, boolean> = {};
    for (const vendor of prepared.vendors) {
      const eca = vendor.externalClientApp;
      // Only the OAuth policies are parsed (the retrieve holds every component of the vendors).
      const policy = eca
        ? [...current]
            .filter(([rel]) => rel.startsWith('extlClntAppOauthPolicies/'))
            .map(([, xml]) => parseMetadataXml(xml))
            .find((parsed) => parsed.ok && selectText(parsed.node, ORG_FIELDS.policyApp.path) === eca.name)
        : undefined;
      if (policy?.ok)
        appEnforcesIp[vendor.name] = ['Enforce', 'Enforce_RelaxRefresh'].includes(
          selectText(policy.node, ORG_FIELDS.policyIpRelaxation.path) ?? 'Enforce'
        );
    }
    const plan: OrgPlan = {
      targetOrg: org.targetOrg,
      instanceUrl: org.instanceUrl,
      apps,
      problems: analysis.problems,
      notes: [...analysis.notes, ...credentialNotes(compared.components)],
      components,
      ...(analysis.merge ? { trustedRanges: { add, keep: analysis.merge.kept.length } } : {}),
      users,
      featureGaps: analysis.preflight.gaps,
      hardening: analysis.hardening.map(withoutProfileFile),
      hardeningChanges: changes,
      appEnforcesIp,
      runAs: analysis.runAs,
      inSync:
        components.every((c) => c.action === 'none') &&
        add.length === 0 &&
        users.every((u) => u.action === 'none' && u.assign.length === 0) &&
        changes.length === 0,
    };
    return plan;
  } finally {
    workspace.cleanup();
  }
};

// A fleet's orgs hold the same certificate: each distinct one is inspected once a day (daysLeft).
const MAX_CERTIFICATES = 64;
const certificates = new Map<string, NonNullable<OrgAppFacts['certificate']>>();
const certificateFacts = (pem: string): NonNullable<OrgAppFacts['certificate']> => {
  const key = `${new Date().toISOString().slice(0, 10)}\u0000${pem}`;
  let facts = certificates.get(key);
  if (!facts) {
    const report = inspectCertificate(pem, { source: 'the certificate the org holds' });
    facts = { sha256Fingerprint: report.sha256Fingerprint, notAfter: report.notAfter, daysLeft: report.daysLeft };
    certificates.set(key, facts);
    if (certificates.size > MAX_CERTIFICATES) certificates.delete(certificates.keys().next().value as string);
  }
  return { ...facts };
};

const readAppFacts = (xml: string | undefined): Omit<OrgAppFacts, 'vendor' | 'app' | 'flow'> => {
  if (!xml) return {};
  const parsed = parseMetadataXml(xml);
  if (!parsed.ok) return {};
  const pem = selectText(parsed.node, ORG_FIELDS.appCertificate.path);
  const consumerKey = selectText(parsed.node, ORG_FIELDS.appConsumerKey.path);
  let certificate: OrgAppFacts['certificate'];
  try {
    if (pem) {
      certificate = certificateFacts(pem);
    }
  } catch {
    // An unreadable certificate in the org is reported as absent; verify then fails on the diff.
  }
  return { ...(certificate ? { certificate } : {}), ...(consumerKey ? { consumerKey } : {}) };
};

export type PlanResult = {
  exitCode: ExitCode;
  orgs: Array<OrgPlan | OrgFailure>;
  /** Every warning of the run, each once with its orgs; the command moves them to the output's warnings. */
  warnings: string[];
};

/**
 * Plans every target org. An org is good when it was planned and passed preflight; some good and
 * some not is 68, none good is 1 (messages/exitCodes.md).
 */
export const planOrgs = async (options: {
  projectDir: string;
  targetOrgs: string[];
  vendors: string[];
  valuesFile: string;
  concurrency?: number;
  onProgress?: (org: string, message: string) => void;
}): Promise<PlanResult> => {
  const prepared = await prepareVendors(options.projectDir, options.vendors, options.valuesFile);
  const run = await runOrgs(
    {
      targetOrgs: options.targetOrgs,
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      warnings: prepared.warnings,
      doing: 'planning',
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
    async (org, { warn }) => {
      const plan = await planOrg(options.projectDir, prepared, org);
      for (const p of plan.problems) if (p.severity === 'warning') warn(p);
      return plan;
    }
  );
  return { exitCode: exitCodeOfRun(run.orgs, planVerdict), orgs: run.orgs, warnings: run.warnings };
};
