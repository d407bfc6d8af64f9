import type { Vendor } from '../../catalogue';
import type { VendorMetadata } from '../../metadata/checkVendorMetadata';
import { permissionsOf } from '../../metadata/permissionCatalogue';
import type { Problem } from '../../inputs/problem';
import { fieldByRole, valueByRole, type OrgValues } from '../../values';
import type { OrgFacts, ProfileFact, PslFact, UserFact, UserLicenseFact } from '../read/readOrgFacts';
import { FeatureGap, FeatureResolution, resolveOrgFeatures } from './orgFeatures';

/** What deploy will do for one integration user. */
export type UserPlan = {
  vendor: string;
  username: string;
  email: string;
  existing?: UserFact;
  licence: UserLicenseFact;
  profile: ProfileFact;
  /** Permission set licences to assign first, then permission sets (names). */
  permissionSetLicenses: PslFact[];
  permissionSets: string[];
  /** What the existing user already holds (read from the org): only the rest is assigned. */
  heldPermissionSetIds: Set<string>;
  heldPslIds: Set<string>;
};

export type PreflightResult = {
  problems: Problem[];
  /** Permission set → permissions the org requires or resolved by label, to add at deploy. */
  extraPermissions: Map<string, string[]>;
  users: UserPlan[];
  /** Plain-language notes of what the org decided. */
  notes: string[];
  /** Per vendor: the optional org features as this org answers them. */
  features: Map<string, FeatureResolution>;
  /** What each vendor will not get in this org, and why. */
  gaps: FeatureGap[];
  /** Permission set → permissions and objects left out because the org lacks an optional feature. */
  omitted: Map<string, { permissions: string[]; objects: string[] }>;
};

const free = (fact: { total: number; used: number }): number => fact.total - fact.used;

/**
 * Checks one org against the vendors before anything is sent: every permission and object exists,
 * the org's own dependency closure, licences and free seats, the permission set licence, the
 * integration user's profile, and the login IP ranges that break an OAuth grant from elsewhere. Pure: it reads
 * facts already fetched, so the whole list of problems comes back at once.
 */
export const preflight = (
  facts: OrgFacts,
  vendors: Vendor[],
  values: OrgValues,
  metadata: VendorMetadata[],
  orgLabel: string
): PreflightResult => {
  const result: PreflightResult = {
    problems: [],
    extraPermissions: new Map(),
    users: [],
    notes: [],
    features: new Map(),
    gaps: [],
    omitted: new Map(),
  };
  const error = (file: string, field: string, message: string, fix: string): void => {
    result.problems.push({ severity: 'error', file: `${orgLabel}: ${file}`, field, message, fix });
  };
  const warn = (file: string, field: string, message: string, fix: string): void => {
    result.problems.push({ severity: 'warning', file: `${orgLabel}: ${file}`, field, message, fix });
  };
  checkDeployer(
    facts,
    vendors.some((v) => v.user),
    error,
    warn
  );
  for (const [i, vendor] of vendors.entries()) {
    const meta = metadata[i];
    if (!meta) continue;
    const features = resolveOrgFeatures(facts, vendor);
    result.features.set(vendor.name, features);
    result.gaps.push(...features.gaps);
    for (const ref of vendor.permissionSets) {
      const set = meta.permissionSets.get(ref.name);
      if (!set) continue;
      const file = `${vendor.relDir}/${ref.file}`;
      const omitted = { permissions: [] as string[], objects: [] as string[] };
      for (const name of set.permissions) {
        if (!facts.permissions.has(name) && features.optionalPermissions.has(name)) omitted.permissions.push(name);
        else if (!facts.permissions.has(name)) {
          const info = permissionsOf(vendor)[name];
          error(
            file,
            `userPermissions ${name}`,
            `this org has no permission ${name} (${info?.label ?? name})${
              info?.availability ? `: it needs ${info.availability}` : ''
            }`,
            info?.availability
              ? `Get ${info.availability} for this org, or leave ${vendor.name} out with --vendor.`
              : 'Check the org edition and licences; the permission does not exist here.'
          );
        }
      }
      for (const object of set.objects) {
        if (!facts.sobjects.has(object.object) && features.optionalObjects.has(object.object))
          omitted.objects.push(object.object);
        else if (!facts.sobjects.has(object.object)) {
          error(
            file,
            `objectPermissions ${object.object}`,
            `this org has no object ${object.object}`,
            'The event store objects need Salesforce Shield or the Event Monitoring add-on; get it, or leave the vendor out with --vendor.'
          );
        }
      }
      if (omitted.permissions.length || omitted.objects.length) result.omitted.set(ref.name, omitted);
      if (
        set.license &&
        !facts.permissionSetLicenses.some((p) => p.masterLabel === set.license) &&
        !facts.userLicenses.some((l) => l.name === set.license)
      ) {
        error(
          file,
          'license',
          `this org has no licence "${set.license}" for the permission set`,
          `Check Setup > Company Information > Permission Set Licenses; the ${vendor.title} guide needs "${set.license}".`
        );
      }
      // The org's own closure: what Setup would add silently here, only where the org has it.
      const granted = new Set(set.permissions);
      const extra: string[] = [];
      for (const runtime of vendor.runtimePermissions.filter((r) => r.permissionSet === ref.name)) {
        const found = [...facts.permissions].find(([, label]) => label === runtime.label)?.[0];
        if (found) {
          extra.push(found);
          result.notes.push(`${ref.name}: "${runtime.label}" is ${found} in this org; added.`);
        } else {
          warn(
            file,
            `"${runtime.label}"`,
            `this org has no permission labelled "${runtime.label}", so it is left out`,
            runtime.why
          );
        }
      }
      const queue = [...granted, ...extra];
      while (queue.length) {
        const name = queue.shift() as string;
        for (const required of facts.dependencies.get(name) ?? []) {
          if (granted.has(required) || extra.includes(required) || !facts.permissions.has(required)) continue;
          extra.push(required);
          queue.push(required);
          result.notes.push(
            `${ref.name}: ${name} requires ${required} (${
              facts.permissions.get(required) ?? required
            }) in this org; added.`
          );
        }
      }
      if (extra.length) result.extraPermissions.set(ref.name, extra);
    }
    planUser(facts, vendor, values, result, error, warn);
  }
  return result;
};

type Report = (file: string, field: string, message: string, fix: string) => void;

/**
 * The deploying user's own rights, so a deploy does not stop half-way: metadata (Modify All Data, or
 * Modify Metadata with Customize Application), creating users (Manage Users or Manage Internal Users)
 * and assigning permission sets (Assign Permission Sets or Manage Users). Which rights each action
 * needs is our reading of the Setup permission descriptions, not a documented table.
 */
const checkDeployer = (facts: OrgFacts, usersToSetUp: boolean, error: Report, warn: Report): void => {
  const held = facts.deployerPermissions;
  if (!held) {
    warn(
      'deploying user',
      'permissions',
      'could not read the deploying user’s permissions',
      'Deploy as a user with View Setup and Configuration, or check its rights by hand (Modify All Data, Manage Users).'
    );
    return;
  }
  const has = (p: string): boolean => held.has(p) || !facts.permissions.has(p);
  if (!has('ModifyAllData') && !(has('ModifyMetadata') && has('CustomizeApplication'))) {
    error(
      'deploying user',
      'permissions',
      'the deploying user cannot deploy metadata: it has neither Modify All Data nor Modify Metadata Through Metadata API Functions with Customize Application',
      'Deploy as a System Administrator, or give this user those permissions.'
    );
  }
  // Users and assignments only for vendors with an integration user.
  if (!usersToSetUp) return;
  if (!has('ManageUsers') && !has('ManageInternalUsers')) {
    error(
      'deploying user',
      'permissions',
      'the deploying user cannot create the integration users: it has neither Manage Users nor Manage Internal Users',
      'Deploy as a System Administrator, or give this user Manage Internal Users.'
    );
  }
  if (!has('ManageUsers') && !has('AssignPermissionSets')) {
    error(
      'deploying user',
      'permissions',
      'the deploying user cannot assign permission sets: it has neither Manage Users nor Assign Permission Sets',
      'Deploy as a System Administrator, or give this user Assign Permission Sets.'
    );
  }
};

const planUser = (
  facts: OrgFacts,
  vendor: Vendor,
  values: OrgValues,
  result: PreflightResult,
  error: Report,
  warn: Report
): void => {
  const user = vendor.user;
  // A vendor without an integration user (vendor.json has no integrationUser): nothing to plan.
  if (!user || vendor.integrationUser === undefined) return;
  const vendorValues = values.vendors[vendor.name];
  const username = valueByRole(vendor, values, 'integrationUsername');
  const email = valueByRole(vendor, values, 'integrationUserEmail');
  const usernameField = fieldByRole(vendor, 'integrationUsername');
  const userFile = `${vendor.relDir}/${vendor.integrationUser}`;
  const licence = facts.userLicenses.find((l) => l.name === user.userLicense);
  if (!licence) {
    error(
      userFile,
      'userLicense',
      `this org has no "${user.userLicense}" user licence`,
      `The ${vendor.title} integration user needs it; buy it or ask your Salesforce account team.`
    );
    return;
  }
  const exact = facts.users.find((u) => u.username.toLowerCase() === username.toLowerCase());
  // In a sandbox, the user copied from production carries the sandbox name: reuse it.
  const copied = exact
    ? undefined
    : facts.users.find((u) =>
        (facts.sandbox?.names ?? []).some((n) => u.username.toLowerCase() === `${username}.${n}`.toLowerCase())
      );
  const existing = exact ?? copied;
  if (copied)
    result.notes.push(
      `${vendor.name}: ${copied.username} is the sandbox copy of ${username}; it is used as the integration user.`
    );
  const profilesForLicence = facts.profiles.filter((p) => p.userLicenseId === licence.id);
  let profile: ProfileFact | undefined;
  if (existing) {
    profile = profilesForLicence.find((p) => p.id === existing.profileId);
    if (!profile) {
      error(
        values.file,
        usernameField,
        `user ${username} exists, but its profile is not a "${user.userLicense}" licence profile`,
        `Use a user with the ${user.userLicense} licence, or a new username so vendor-access creates one.`
      );
      return;
    }
    if (!existing.isActive) {
      error(
        values.file,
        usernameField,
        `user ${username} exists but is inactive`,
        'Reactivate the user in Setup > Users, or name another username.'
      );
      return;
    }
  } else {
    profile = profilesForLicence.find((p) => p.name === user.profileName) ?? profilesForLicence[0];
    if (!profile) {
      error(
        userFile,
        'profileByLicense',
        `this org has no profile for the "${user.userLicense}" licence`,
        'Create one in Setup > Profiles, or ask your Salesforce admin.'
      );
      return;
    }
    if (free(licence) < 1) {
      error(
        userFile,
        'userLicense',
        `no free "${licence.name}" licence: ${licence.used} of ${licence.total} used`,
        'Free a licence (deactivate an unused user) or buy one, then run again.'
      );
    }
  }
  const held = existing ? facts.pslAssignments.get(existing.id) ?? new Set<string>() : new Set<string>();
  const psls: PslFact[] = [];
  for (const name of user.permissionSetLicenses) {
    const psl = facts.permissionSetLicenses.find((p) => p.developerName === name);
    if (!psl) {
      error(
        userFile,
        'permissionSetLicenses',
        `this org has no permission set licence ${name}`,
        `The ${user.userLicense} licence should bring it; check Setup > Company Information.`
      );
      continue;
    }
    if (!held.has(psl.id) && free(psl) < 1)
      error(
        userFile,
        'permissionSetLicenses',
        `no free ${psl.masterLabel} permission set licence: ${psl.used} of ${psl.total} used`,
        'Free one or buy one, then run again.'
      );
    psls.push(psl);
  }
  const features = vendorValues?.features ?? [];
  const permissionSets = vendor.permissionSets
    .filter((p) => p.assign === 'always' || (p.feature !== undefined && features.includes(p.feature)))
    .map((p) => p.name);
  const ranges = facts.loginIpRanges.get(profile.id) ?? [];
  // Hardened mode's own profile has login IP ranges on purpose (they are the vendor's).
  if (ranges.length && profile.name !== vendor.hardening?.restrictLoginToVendorRanges.profile) {
    warn(
      userFile,
      'profile',
      `profile "${profile.name}" of ${username} has ${ranges.length} login IP range(s); OAuth grants from outside them fail`,
      vendor.advice?.profileLoginIpRanges
        ? `${vendor.advice.profileLoginIpRanges}, or remove the ranges from the profile.`
        : `Remove the ranges from the profile, or make sure ${vendor.title} connects from inside them.`
    );
  }
  result.users.push({
    vendor: vendor.name,
    username: existing?.username ?? username,
    email,
    ...(existing ? { existing } : {}),
    licence,
    profile,
    permissionSetLicenses: psls,
    permissionSets,
    heldPermissionSetIds: existing ? facts.assignments.get(existing.id) ?? new Set<string>() : new Set<string>(),
    heldPslIds: held,
  });
};
