import type { Connection } from '@salesforce/core';
import { selectText, parseMetadataXml } from '../metadata';
import { parseTrustedRanges } from '../org/plan';
import { listOrgMetadata, MetadataMember, retrieveOrgMetadata } from '../org/read';
import { IpRange, removeOwnedRanges } from '../network';
import type { VendorFootprint } from './footprint';

const ECA_SATELLITES = [
  'ExtlClntAppGlobalOauthSettings',
  'ExtlClntAppOauthSettings',
  'ExtlClntAppOauthConfigurablePolicies',
  'ExtlClntAppConfigurablePolicies',
];

/** What of the vendor's metadata the org holds now, and the org's trusted ranges without the vendor's. */
export type OwnedMetadata = {
  /** Components to delete, the app's satellites before the app, then permission sets. */
  components: MetadataMember[];
  trustedRanges?: { remaining: IpRange[]; removed: IpRange[] };
};

/**
 * Reads, for the vendors being offboarded, which of their components the org holds (listMetadata,
 * then the satellites' `externalClientApplication` read back, so another app's records are never
 * taken for ours) and which trusted ranges carry their description prefix. Read-only.
 */
export const readOwnedMetadata = async (
  connection: Connection,
  footprints: VendorFootprint[]
): Promise<OwnedMetadata> => {
  const apps = footprints.flatMap((f) => (f.app ? [f.app] : []));
  const hardened = footprints.flatMap((f) => (f.hardenedProfile ? [f.hardenedProfile.name] : []));
  const names = await listOrgMetadata(connection, [
    'PermissionSet',
    ...(hardened.length ? ['Profile'] : []),
    ...(apps.length ? ['ExternalClientApplication', ...ECA_SATELLITES] : []),
  ]);
  const candidates = ECA_SATELLITES.flatMap((type) =>
    (names.get(type) ?? [])
      .filter((n) => apps.some((a) => n.startsWith(`${a}_`)))
      .map((fullName) => ({ type, fullName }))
  );
  const retrieved = await retrieveOrgMetadata(connection, [...candidates, { type: 'Settings', fullName: 'Security' }]);
  const satellites = candidates.filter((c) => {
    const xml = [...retrieved.entries()].find(([file]) => file.split('/').pop()?.startsWith(`${c.fullName}.`))?.[1];
    const parsed = xml ? parseMetadataXml(xml) : undefined;
    return parsed?.ok === true && apps.includes(selectText(parsed.node, 'externalClientApplication') ?? '');
  });
  const heldApps = apps
    .filter((a) => names.get('ExternalClientApplication')?.includes(a))
    .map((fullName) => ({ type: 'ExternalClientApplication', fullName }));
  const sets = footprints
    .flatMap((f) => f.permissionSets)
    .filter((n) => names.get('PermissionSet')?.includes(n))
    .map((fullName) => ({ type: 'PermissionSet', fullName }));
  const orgRanges = parseTrustedRanges(retrieved.get('settings/Security.settings'));
  let remaining = orgRanges;
  const removed: IpRange[] = [];
  for (const f of footprints) {
    // A vendor without trusted ranges owns no description prefix: nothing of the org's list is its.
    if (f.rangeOwner === undefined || f.rangePrefix === undefined) continue;
    const result = removeOwnedRanges(remaining, {
      owner: f.rangeOwner,
      descriptionPrefix: f.rangePrefix,
      ranges: f.ranges,
    });
    remaining = result.ranges;
    removed.push(...result.removed);
  }
  // Hardened mode's dedicated profile, by the name vendor.json gives it (its user is moved off it first).
  const profiles = hardened
    .filter((n) => names.get('Profile')?.includes(n))
    .map((fullName) => ({ type: 'Profile', fullName }));
  return {
    components: [...satellites, ...heldApps, ...sets, ...profiles],
    ...(removed.length ? { trustedRanges: { remaining, removed } } : {}),
  };
};
