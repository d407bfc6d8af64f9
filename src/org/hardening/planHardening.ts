import path from 'node:path';
import type { Vendor } from '../../catalogue';
import type { VendorMetadata } from '../../metadata';
import type { IpRange } from '../../network';
import { valueByRole, type OrgValues } from '../../values';
import type { OrgFacts, ProfileFact } from '../read/readOrgFacts';

/** Hardened mode for one vendor in one org: what the values ask for and what the org holds. */
export type HardeningPlan = {
  vendor: string;
  /** The values file turns hardened mode on for this vendor. */
  on: boolean;
  profileName: string;
  /** Absolute source file of the dedicated profile (sent only when `on`). */
  profileFile: string;
  /** The vendor's ranges: what the profile's login IP ranges must equal. */
  vendorRanges: IpRange[];
  /** The profile as the org holds it, and its login IP ranges. */
  orgProfile?: ProfileFact;
  orgRanges: Array<{ start: string; end: string }>;
  username: string;
  /** The integration user's current profile id, when the user exists. */
  userProfileId?: string;
  /** on: the user must be created on or moved to the profile; off: moved back from it. */
  moveUser: 'toHardened' | 'back' | 'none';
  /** off, and the org still holds our profile: remove it (after moving the user back). */
  removeProfile: boolean;
};

/**
 * Works out hardened mode for every vendor whose catalogue offers it, from facts already read: the
 * org's profiles on the integration user's licence (ours is one of them), their login IP ranges,
 * and the integration user. Pure; changes nothing.
 */
export const planHardening = (
  facts: OrgFacts,
  vendors: Vendor[],
  values: OrgValues,
  metadata: VendorMetadata[]
): HardeningPlan[] =>
  vendors.flatMap((vendor, i): HardeningPlan[] => {
    const spec = vendor.hardening?.restrictLoginToVendorRanges;
    if (!spec?.applies || !spec.profile || !spec.file) return [];
    const vendorValues = values.vendors[vendor.name];
    const on = vendorValues?.hardened === true;
    const username = valueByRole(vendor, values, 'integrationUsername');
    const orgProfile = facts.profiles.find((p) => p.name === spec.profile);
    const user = facts.users.find((u) => u.username.toLowerCase() === username.toLowerCase());
    const onHardened = Boolean(orgProfile && user && user.profileId === orgProfile.id);
    return [
      {
        vendor: vendor.name,
        on,
        profileName: spec.profile,
        profileFile: path.join(vendor.dir, spec.file),
        vendorRanges: [...(metadata[i]?.fixedRanges ?? []), ...(vendorValues?.trustedRanges ?? [])],
        ...(orgProfile ? { orgProfile } : {}),
        orgRanges: orgProfile ? facts.loginIpRanges.get(orgProfile.id) ?? [] : [],
        username,
        ...(user ? { userProfileId: user.profileId } : {}),
        moveUser: on ? (onHardened ? 'none' : 'toHardened') : onHardened ? 'back' : 'none',
        removeProfile: !on && orgProfile !== undefined,
      },
    ];
  });
