import type { Vendor } from '../../catalogue';
import { type VendorMetadata, memberOf, selectValues, ORG_FIELDS, parseMetadataXml, textOf } from '../../metadata';
import { IpRange, mergeTrustedRanges, OwnedRanges, RangeMerge } from '../../network';
import type { Problem } from '../../problems';
import { valueByRole, type OrgValues, type VendorValues } from '../../values';
import type { OrgConnection } from '../read/connectOrg';
import { HardeningPlan, planHardening } from '../hardening';
import { OrgFacts, readOrgFacts } from '../read/readOrgFacts';
import { listOrgMetadata, retrieveOrgMetadata } from '../read/retrieveOrgMetadata';
import { keepRetrieved } from '../read/retrievedOnce';
import { preflight, PreflightResult } from './preflight';
import type { WorkspacePlan } from './deployWorkspace';
import { RunAs, runAsNote, runAsUsers } from './runAsUser';

/** Everything deploy and plan learn from an org before changing anything. */
export type OrgAnalysis = {
  facts: OrgFacts;
  preflight: PreflightResult;
  problems: Problem[];
  notes: string[];
  merge?: RangeMerge;
  renames: Map<string, string>;
  /** The workspace plan for this org (what deploy would send). */
  workspace: WorkspacePlan;
  /** Hardened mode per vendor that offers it. */
  hardening: HardeningPlan[];
  /** Client-credentials apps and the user each runs as in this org. */
  runAs: RunAs[];
};

/** The org's trusted ranges as the retrieved SecuritySettings lists them. */
export const parseTrustedRanges = (xml: string | undefined): IpRange[] => {
  if (!xml) return [];
  const parsed = parseMetadataXml(xml);
  if (!parsed.ok) return [];
  return selectValues(parsed.node, ORG_FIELDS.trustedRanges.path).flatMap((node) => {
    if (typeof node !== 'object') return [];
    const description = textOf(node.description?.[0]);
    return [
      {
        start: textOf(node.start?.[0]) ?? '',
        end: textOf(node.end?.[0]) ?? '',
        ...(description === undefined ? {} : { description }),
      },
    ];
  });
};

/** The Event Manager entities a retrieved RealTimeEventSettings lists, enabled or not. */
export const parseRealTimeEvents = (xml: string | undefined): string[] => {
  if (!xml) return [];
  const parsed = parseMetadataXml(xml);
  if (!parsed.ok) return [];
  return selectValues(parsed.node, ORG_FIELDS.realTimeEvents.path).flatMap((node) =>
    typeof node === 'object' && textOf(node.entityName?.[0]) ? [textOf(node.entityName?.[0]) as string] : []
  );
};

const ECA_TYPES = [
  'ExternalClientApplication',
  'ExtlClntAppOauthConfigurablePolicies',
  'ExtlClntAppConfigurablePolicies',
];

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
      const fullName =
        ours
          .split('/')
          .pop()
          ?.replace(/\.[A-Za-z]+-meta\.xml$/, '') ?? '';
      const existing = (names.get(type) ?? []).filter((n) => n.startsWith(`${eca.name}_`));
      if (existing.length && !existing.includes(fullName)) renames.set(fullName, existing[0] as string);
    }
  }
  return renames;
};

/** Reads the org (never writes) and works out what a deploy would send to it. */
export const analyseOrg = async (
  org: OrgConnection,
  vendors: Vendor[],
  metadata: VendorMetadata[],
  values: OrgValues
): Promise<OrgAnalysis> => {
  const usernames = vendors.map((v) => valueByRole(v, values, 'integrationUsername')).filter(Boolean);
  const eventManager = vendors.some((v) => v.orgFeatures?.some((f) => f.eventManager));
  const owned: OwnedRanges[] = vendors.flatMap((v, i) => {
    const ranges = [...(metadata[i]?.fixedRanges ?? []), ...(values.vendors[v.name]?.trustedRanges ?? [])];
    return ranges.length && v.trustedRanges
      ? [{ owner: v.trustedRanges.owner, descriptionPrefix: v.trustedRanges.descriptionPrefix, ranges }]
      : [];
  });
  const hasEca = vendors.some((v) => v.externalClientApp);
  // One retrieve for both settings the analysis reads (Event Manager's entities, the trusted
  // ranges to merge), at the same time as the facts and the ECA policy names: a retrieve is two
  // round trips (retrieve, then its status).
  // No opt-in to read: ExternalClientAppSettings has no enableExternalClientApps from API 63 on
  // (Salesforce's metadata WSDL carries it in API 58-62 only; reference org-behaviour.md).
  const settings = [
    ...(eventManager ? [{ type: 'Settings', fullName: 'RealTimeEvent' }] : []),
    ...(owned.length ? [{ type: 'Settings', fullName: 'Security' }] : []),
  ];
  // The same retrieve also fetches every component of the vendors, by the names in the project,
  // which the comparison before a deploy asks for (retrievedOnce.ts); policies the org names
  // otherwise (renames) make the comparison retrieve for itself.
  const components = metadata.flatMap((m) => [...m.files.keys()].flatMap((file) => memberOf(file) ?? []));
  const members = [...new Map([...settings, ...components].map((m) => [`${m.type}:${m.fullName}`, m])).values()];
  const [facts, current, names] = await Promise.all([
    readOrgFacts(org.connection, vendors, usernames),
    members.length ? retrieveOrgMetadata(org.connection, members) : Promise.resolve(new Map<string, string>()),
    hasEca ? listOrgMetadata(org.connection, ECA_TYPES) : Promise.resolve(new Map<string, string[]>()),
  ]);
  keepRetrieved(org.connection, members, current);
  const realTimeEvents = parseRealTimeEvents(current.get('settings/RealTimeEvent.settings'));
  if (realTimeEvents.length) facts.realTimeEvents = realTimeEvents;
  const pre = preflight(facts, vendors, values, metadata, org.targetOrg);
  const problems = [...pre.problems];
  const notes = [...pre.notes];
  const merge = owned.length
    ? mergeTrustedRanges(parseTrustedRanges(current.get('settings/Security.settings')), owned)
    : undefined;
  const renames = policyRenames(vendors, names);
  for (const [ours, theirs] of renames)
    notes.push(`${ours} is deployed as ${theirs}, the policy record the org already holds for the app.`);
  const vendorValues = vendors.flatMap((v): VendorValues[] => {
    const found = values.vendors[v.name];
    return found ? [found] : [];
  });
  const hardening = planHardening(facts, vendors, values, metadata);
  const runAs = runAsUsers(vendors, pre.users);
  notes.push(...runAs.map(runAsNote));
  const hardenedProfiles = hardening.filter((h) => h.on).map((h) => h.profileFile);
  return {
    facts,
    preflight: pre,
    problems,
    notes,
    ...(merge ? { merge } : {}),
    renames,
    workspace: {
      vendors,
      values: vendorValues,
      extraPermissions: pre.extraPermissions,
      omitted: pre.omitted,
      eventManager: new Map(
        [...pre.features].flatMap(([name, f]) => (f.eventManager ? [[name, f.eventManager] as const] : []))
      ),
      exclude: new Set([...pre.features.values()].flatMap((f) => f.excludeSettings.map((s) => `Settings:${s}`))),
      ...(merge?.added.length ? { trustedRanges: merge.ranges } : {}),
      renames,
      ...(hardenedProfiles.length ? { hardenedProfiles } : {}),
      ...(runAs.length ? { runAs } : {}),
    },
    hardening,
    runAs,
  };
};
