import { parseIp } from './ipAddress';
import type { IpRange } from './ipRange';

/** The ranges one vendor owns in an org: identified by a description prefix ("ISPM IP number"). */
export type OwnedRanges = { owner: string; descriptionPrefix: string; ranges: IpRange[] };

export type RangeMerge = {
  /** The full list to deploy: SecuritySettings.networkAccess REPLACES the org's list on deploy. */
  ranges: IpRange[];
  /** Ranges this deploy adds. */
  added: Array<IpRange & { owner: string }>;
  /** Ranges the org already had, kept untouched (everything that was there). */
  kept: IpRange[];
  /** A vendor range the org already trusts under another description: not added twice. */
  alreadyTrusted: Array<{ wanted: IpRange & { owner: string }; existing: IpRange }>;
  /** Ranges described as a vendor's that the vendor no longer lists: kept, reported for review. */
  stale: Array<IpRange & { owner: string }>;
};

const key = (range: IpRange): string => {
  const start = parseIp(range.start);
  const end = parseIp(range.end);
  return start && end ? `${start.family}:${start.value}-${end.value}` : `${range.start}-${range.end}`;
};

/**
 * Union of the org's trusted ranges and the vendors' owned ranges. Salesforce replaces the whole
 * list on deploy (reference C, meta_securitysettings), so this is the only safe way to add ranges:
 * every range the org has is kept, in its order, and each vendor range is added once, after them.
 * Ranges are compared by address, never by text (2001:DB8::1 equals 2001:db8::1).
 */
export const mergeTrustedRanges = (orgRanges: IpRange[], owned: OwnedRanges[]): RangeMerge => {
  const byKey = new Map(orgRanges.map((r) => [key(r), r]));
  const result: RangeMerge = { ranges: [...orgRanges], added: [], kept: [...orgRanges], alreadyTrusted: [], stale: [] };
  for (const vendor of owned) {
    const wanted = new Set(vendor.ranges.map(key));
    for (const range of vendor.ranges) {
      const existing = byKey.get(key(range));
      if (existing) {
        if (existing.description !== range.description)
          result.alreadyTrusted.push({ wanted: { ...range, owner: vendor.owner }, existing });
        continue;
      }
      result.ranges.push(range);
      result.added.push({ ...range, owner: vendor.owner });
      byKey.set(key(range), range);
    }
    for (const range of orgRanges) {
      if (range.description?.startsWith(vendor.descriptionPrefix) && !wanted.has(key(range)))
        result.stale.push({ ...range, owner: vendor.owner });
    }
  }
  return result;
};

/** The org's ranges without the ones a vendor owns: what offboarding deploys. */
export const removeOwnedRanges = (
  orgRanges: IpRange[],
  owner: OwnedRanges
): { ranges: IpRange[]; removed: IpRange[] } => {
  const removed = orgRanges.filter((r) => r.description?.startsWith(owner.descriptionPrefix));
  return { ranges: orgRanges.filter((r) => !removed.includes(r)), removed };
};
