import type { Vendor, VendorAppSpec } from '../catalogue';
import {
  type VendorMetadata,
  selectText,
  OBJECT_VIEW_ALL_TIER,
  permissionsOf,
  RiskTier,
  explainPermissions,
} from '../metadata';
import { checkRange, IpRange, rangeSize } from '../network';
import { Credential, credentialOf } from './credentialOf';
import { CredentialExposure, credentialExposure } from './credentialExposure';

export type PermissionRow = {
  apiName: string;
  label: string;
  tier: RiskTier | undefined;
  /** Asked for by a step of the vendor's guide (the roots of the permission graph). */
  askedByGuide: boolean;
  why: string;
  /** The guide permission whose dependency chain brings this one in, and that chain (it first, this one last). */
  impliedBy?: string;
  chain?: string[];
};

export type PermissionSetReview = {
  name: string;
  label: string;
  license?: string;
  assigned: string;
  permissions: PermissionRow[];
  objects: Array<{ object: string; access: string[]; tier: RiskTier }>;
};

export type VendorReview = {
  vendor: string;
  title: string;
  /** Tier-0/1 permissions that no guide step asks for but a dependency pulls in: shown first. */
  alerts: string[];
  permissionSets: PermissionSetReview[];
  resolvedAtDeploy: string[];
  externalClientApp?: { name: string; scopes: string; policies: Record<string, string> };
  /** The vendor's own app the org consents to, with the scopes its guide says it requests. */
  vendorApp?: VendorAppSpec;
  /** The credential that grants access, who holds it, what the org limits, per OAuth flow. */
  credential: Credential;
  trustedRanges: Array<IpRange & { owner: string; size: string }>;
  /** Absent for a vendor without an integration user. */
  integrationUser?: { userLicense: string; profile: string; permissionSetLicenses: string[]; permissionSets: string[] };
  /** Which addresses can use the vendor's credentials (hardened mode), and the risk that remains. */
  credentials: CredentialExposure;
};

/** The guide step that asks for a permission, in the guide's words (vendor.json guideSteps). */
const guideStepFor = (vendor: Vendor, file: string, apiName: string): string => {
  const step = vendor.guideSteps.find((s) =>
    (s.implementedBy ?? []).some((a) => a.file === file && a.path === `userPermissions[name=${apiName}]/enabled`)
  );
  return step ? `${vendor.title} guide, ${step.section}: ${step.guide}` : `${vendor.title} guide`;
};

const rangeSizeText = (range: IpRange): string => {
  const r = checkRange(range.start, range.end);
  return r.ok ? String(rangeSize(r.range)) : '?';
};

/** Every permission a vendor's metadata grants, each with why it is there and how risky it is. */
export const buildVendorReview = (
  vendor: Vendor,
  metadata: VendorMetadata,
  perOrgRanges: IpRange[] = [],
  hardened?: boolean
): VendorReview => {
  const user = vendor.user;
  const catalogue = permissionsOf(vendor);
  const alerts: string[] = [];
  const labelOf = (apiName: string): string => catalogue[apiName]?.label ?? apiName;
  const permissionSets = vendor.permissionSets.flatMap((ref): PermissionSetReview[] => {
    const set = metadata.permissionSets.get(ref.name);
    if (!set) return [];
    const asked = vendor.guideRequiredPermissions[ref.name] ?? [];
    const reasons = explainPermissions(set.permissions, asked, catalogue);
    const rows = [...set.permissions].sort().map((apiName): PermissionRow => {
      const info = catalogue[apiName];
      const reason = reasons.get(apiName) ?? { kind: 'unexplained' as const };
      const base = { apiName, label: info?.label ?? apiName, tier: info?.tier, askedByGuide: reason.kind === 'guide' };
      if (reason.kind === 'guide') return { ...base, why: guideStepFor(vendor, ref.file, apiName) };
      if (reason.kind === 'dependency') {
        // Only the link that brings it in: the whole chain is told once, by the rows above it and the graph.
        const parent = reason.chain[reason.chain.length - 2] ?? reason.of;
        return {
          ...base,
          why:
            parent === reason.of
              ? `required by ${labelOf(parent)} (asked by the guide)`
              : `required by ${labelOf(parent)}, which ${labelOf(reason.of)} brings in`,
          impliedBy: reason.of,
          chain: reason.chain,
        };
      }
      return {
        ...base,
        why: info?.why
          ? `described in ${vendor.relDir}/vendor.json: ${info.why}`
          : 'not asked for by the guide and required by nothing: review it',
      };
    });
    // One alert per guide permission that pulls in tier 0-1 permissions the guide does not ask for.
    for (const root of [...new Set(rows.flatMap((r) => (r.impliedBy ? [r.impliedBy] : [])))]) {
      const powerful = rows.filter((r) => r.impliedBy === root && r.tier !== undefined && r.tier <= 1);
      if (!powerful.length) continue;
      const list = powerful
        .map((r) => {
          const via = (r.chain ?? []).slice(1, -1).map(labelOf);
          return `${r.label} (${r.apiName}, tier ${r.tier ?? '?'}${via.length ? `, through ${via.join(' → ')}` : ''})`;
        })
        .join('; ');
      alerts.push(
        `On ${ref.name}, ${labelOf(root)} (${root}, asked by the guide) implies ${
          powerful.length
        } tier 0-1 permission(s) the guide does not ask for: ${list}.`
      );
    }
    const assigned = !user
      ? 'by a person, to the user the vendor connects as (the vendor has no integration user of its own)'
      : ref.assign === 'always'
      ? 'always, to the integration user'
      : `when the values file enables the feature "${ref.feature ?? ''}"`;
    return [
      {
        name: ref.name,
        label: set.label,
        ...(set.license ? { license: set.license } : {}),
        assigned,
        permissions: rows,
        objects: set.objects.map((o) => ({ ...o, tier: OBJECT_VIEW_ALL_TIER })),
      },
    ];
  });
  const eca = vendor.externalClientApp;
  const policyFile = eca ? metadata.files.get(eca.oauthPolicies) : undefined;
  const oauthFile = eca ? metadata.files.get(eca.oauthSettings) : undefined;
  const policies: Record<string, string> = {};
  for (const key of [
    'clientCredentialsFlowUser',
    'permittedUsersPolicyType',
    'commaSeparatedPermissionSet',
    'refreshTokenPolicyType',
    'ipRelaxationPolicyType',
  ]) {
    const value = policyFile ? selectText(policyFile.node, key) : undefined;
    // The run-as user is a placeholder in source: deploy writes the user it actually sets up there.
    if (value !== undefined)
      policies[key] =
        key === 'clientCredentialsFlowUser' ? 'the integration user deploy sets up (in a sandbox, its copy)' : value;
  }
  const ranges = [...metadata.fixedRanges, ...perOrgRanges].map((r) => ({
    ...r,
    owner: vendor.trustedRanges?.owner ?? vendor.title,
    size: rangeSizeText(r),
  }));
  return {
    vendor: vendor.name,
    title: vendor.title,
    alerts,
    permissionSets,
    resolvedAtDeploy: metadata.needsOrg,
    ...(eca
      ? {
          externalClientApp: {
            name: eca.name,
            scopes: (oauthFile && selectText(oauthFile.node, 'commaSeparatedOauthScopes')) ?? '',
            policies,
          },
        }
      : {}),
    trustedRanges: ranges,
    ...(user
      ? {
          integrationUser: {
            userLicense: user.userLicense,
            profile:
              hardened === true && vendor.hardening?.restrictLoginToVendorRanges.profile
                ? `${vendor.hardening.restrictLoginToVendorRanges.profile} (hardened mode: a custom profile on the ${user.userLicense} licence that grants nothing itself)`
                : `${user.profileName} (else the org's profile for the ${user.profileByLicense} licence)`,
            permissionSetLicenses: user.permissionSetLicenses,
            permissionSets: user.permsets,
          },
        }
      : {}),
    credentials: credentialExposure(vendor, [...metadata.fixedRanges, ...perOrgRanges], hardened),
    credential: credentialOf(vendor),
    ...(vendor.vendorApp ? { vendorApp: vendor.vendorApp } : {}),
  };
};
