import type { Vendor } from '../catalogue';
// Not permissionCatalogue.json: Node resolves './permissionCatalogue' to a .json before a .ts (scripts/run-ts.js).
import catalogueJson from './permissions.json';

/**
 * The user permissions this project grants or reviews: UI label ↔ metadata name, risk tier and the
 * permissions each one requires. Names are PermissionSet `Permissions*` field names without the
 * prefix (reference permissions-users.md §0.1, A). Requirements come from the Setup UI's "Requires
 * these permissions" tooltips as transcribed by jetstreamapp/jetstream
 * (libs/features/manage-permissions/src/utils/system-permission-dependencies.ts @3190e1c9), plus
 * ViewSetup → ViewRoles (ISPM guide table; salesforce.stackexchange q/413777).
 *
 * `requiresWhereAvailable` are requirements that exist only in some orgs (e.g. Event Monitoring
 * permissions under View All Data): the static files leave them out and `deploy` resolves them
 * from the org's PermissionDependency at run time, because naming a permission an org lacks fails
 * the whole deploy ("no UserPermission named X found").
 */
export type RiskTier = 0 | 1 | 2 | 3 | 4;

export type PermissionInfo = {
  label: string;
  tier: RiskTier;
  requires: string[];
  requiresWhereAvailable?: string[];
  /** Org feature or licence the permission exists with; absent = every org with the API. */
  availability?: string;
  /** Why a vendor needs it: set for permissions a vendor.json describes itself. */
  why?: string;
};

/** How tiers are assigned; printed in every review report. */
export const TIER_RULES: Record<RiskTier, string> = {
  0: 'can take over the org: change code or metadata, grant itself or others any access, or control other users’ accounts',
  1: 'can read every record in the org',
  2: 'can change security-relevant configuration or other users’ access, short of taking over the org',
  3: 'can read configuration, users, logs or security events, but no business records',
  4: 'an access channel only: grants no data or configuration by itself',
};

/**
 * The catalogue itself is data (permissions.json), so a permission is added without code;
 * a permission only one vendor needs can instead be described in its vendor.json `permissions`.
 */
export const PERMISSIONS: Record<string, PermissionInfo> = (
  catalogueJson as { permissions: Record<string, PermissionInfo> }
).permissions;

/**
 * The catalogue as one vendor sees it: the shared entries, plus the permissions its vendor.json
 * describes (`permissions`: label, tier, why, requires) for names the shared catalogue lacks.
 */
export const permissionsOf = (vendor: Pick<Vendor, 'permissions'>): Record<string, PermissionInfo> => {
  const own = Object.entries(vendor.permissions ?? {}).filter(([name]) => !PERMISSIONS[name]);
  if (!own.length) return PERMISSIONS;
  return {
    ...Object.fromEntries(
      own.map(([name, p]) => [name, { label: p.label, tier: p.tier, requires: p.requires ?? [], why: p.why }])
    ),
    ...PERMISSIONS,
  };
};

/** Object permissions (View All on the event stores) read security events: tier 3. */
export const OBJECT_VIEW_ALL_TIER: RiskTier = 3;
