import type { Vendor } from '../../catalogue';
import { type VendorMetadata, memberOf, permissionsOf } from '../../metadata';
import { type Problem, type Where, problemsFrom } from '../../problems';
import { fieldByRole, valueByRole, type OrgValues } from '../../values';
import type { OrgFacts, ProfileFact, PslFact, SandboxName, UserFact, UserLicenseFact } from '../read/readOrgFacts';
import { COMPONENT_RIGHTS } from './componentRights';
import { FeatureGap, FeatureResolution, resolveOrgFeatures } from './orgFeatures';

const problem = problemsFrom('plan');

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

/** Where a problem is in this org: the file, prefixed with the org it was found in. */
type At = (file: string, field: string) => Where;

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
  const at: At = (file, field) => ({ file: `${orgLabel}: ${file}`, field });
  result.problems.push(
    ...checkDeployer(
      facts,
      vendors.some((v) => v.user),
      at
    ),
    ...checkComponentRights(
      facts,
      metadata.flatMap((m) => [...m.files.keys()].flatMap((file) => memberOf(file)?.type ?? [])),
      at
    )
  );
  for (const [i, vendor] of vendors.entries()) {
    const meta = metadata[i];
    if (!meta) continue;
    const features = resolveOrgFeatures(facts, vendor);
    result.features.set(vendor.name, features);
    result.gaps.push(...features.gaps);
    for (const ref of vendor.permissionSets) {
      const set = meta.permissionSets.get(ref.name);
      if (set) checkPermissionSet(facts, vendor, ref, set, features, result, at);
    }
    planUser(facts, vendor, values, result, at);
  }
  return result;
};

type PermissionSetRef = Vendor['permissionSets'][number];
type PermissionSetMeta = NonNullable<ReturnType<VendorMetadata['permissionSets']['get']>>;

/**
 * One permission set against the org: its permissions, objects and licence exist (or are left out
 * because an optional feature is missing), and the org's own dependency closure is added.
 */
const checkPermissionSet = (
  facts: OrgFacts,
  vendor: Vendor,
  ref: PermissionSetRef,
  set: PermissionSetMeta,
  features: FeatureResolution,
  result: PreflightResult,
  at: At
): void => {
  const file = `${vendor.relDir}/${ref.file}`;
  const omitted = { permissions: [] as string[], objects: [] as string[] };
  for (const name of set.permissions) {
    if (!facts.permissions.has(name) && features.optionalPermissions.has(name)) omitted.permissions.push(name);
    else if (!facts.permissions.has(name)) {
      const info = permissionsOf(vendor)[name];
      const where = at(file, `userPermissions ${name}`);
      result.problems.push(
        info?.availability
          ? problem.error(
              'OrgLacksPermissionItNeedsFeature',
              where,
              [name, info.label, info.availability],
              [info.availability, vendor.name]
            )
          : problem.error('OrgLacksPermission', where, [name, info?.label ?? name])
      );
    }
  }
  for (const object of set.objects) {
    if (!facts.sobjects.has(object.object) && features.optionalObjects.has(object.object))
      omitted.objects.push(object.object);
    else if (!facts.sobjects.has(object.object)) {
      result.problems.push(
        problem.error('OrgLacksObject', at(file, `objectPermissions ${object.object}`), [object.object])
      );
    }
  }
  if (omitted.permissions.length || omitted.objects.length) result.omitted.set(ref.name, omitted);
  if (
    set.license &&
    !facts.permissionSetLicenses.some((p) => p.masterLabel === set.license) &&
    !facts.userLicenses.some((l) => l.name === set.license)
  ) {
    result.problems.push(
      problem.error('OrgLacksPermissionSetLicence', at(file, 'license'), [set.license], [vendor.title, set.license])
    );
  }
  addOrgClosure(facts, vendor, ref, set, file, result, at);
};

/**
 * The org's own closure: what Setup would add silently here, only where the org has it (runtime
 * permissions resolved by label, then every dependency the org names), kept for the deploy.
 */
const addOrgClosure = (
  facts: OrgFacts,
  vendor: Vendor,
  ref: PermissionSetRef,
  set: PermissionSetMeta,
  file: string,
  result: PreflightResult,
  at: At
): void => {
  const granted = new Set(set.permissions);
  const extra: string[] = [];
  for (const runtime of vendor.runtimePermissions.filter((r) => r.permissionSet === ref.name)) {
    const found = [...facts.permissions].find(([, label]) => label === runtime.label)?.[0];
    if (found) {
      extra.push(found);
      result.notes.push(`${ref.name}: "${runtime.label}" is ${found} in this org; added.`);
    } else {
      result.problems.push(
        problem.warning('OrgLacksPermissionLabelled', at(file, `"${runtime.label}"`), [runtime.label], [runtime.why])
      );
    }
  }
  const queue = [...granted, ...extra];
  const catalogue = permissionsOf(vendor);
  while (queue.length) {
    const name = queue.shift() as string;
    for (const { required, source } of requirementsIn(facts, catalogue, name)) {
      if (granted.has(required) || extra.includes(required) || !facts.permissions.has(required)) continue;
      extra.push(required);
      queue.push(required);
      result.notes.push(
        `${ref.name}: ${name} requires ${required} (${facts.permissions.get(required) ?? required}) in this org (${
          source === 'org' ? "the org's PermissionDependency" : 'the org has it and Setup adds it with ' + name
        }); added.`
      );
    }
  }
  if (extra.length) result.extraPermissions.set(ref.name, extra);
};

/**
 * What `name` requires in this org: the org's own PermissionDependency rows first, then what the
 * catalogue says Setup adds with it (`requires` and `requiresWhereAvailable`) wherever the org's
 * PermissionSet describe has that permission, whatever PermissionDependency says. A real org's
 * deploy-time rule is not all in PermissionDependency (reference org-behaviour.md 2026-12-06: a
 * public dump lists no ViewAllData edge, yet a Developer Edition org refused "Permission ViewAllData
 * depends on permission(s): ViewEventLogFiles, ViewPublicDashboards, ViewPublicReports").
 */
const requirementsIn = (
  facts: OrgFacts,
  catalogue: ReturnType<typeof permissionsOf>,
  name: string
): Array<{ required: string; source: 'org' | 'catalogue' }> => {
  const fromOrg = facts.dependencies.get(name) ?? [];
  const info = catalogue[name];
  const fromCatalogue = [...(info?.requires ?? []), ...(info?.requiresWhereAvailable ?? [])].filter(
    (r) => !fromOrg.includes(r)
  );
  return [
    ...fromOrg.map((required) => ({ required, source: 'org' as const })),
    ...fromCatalogue.map((required) => ({ required, source: 'catalogue' as const })),
  ];
};

/**
 * The deploying user's own rights, so a deploy does not stop half-way: metadata (Modify All Data, or
 * Modify Metadata with Customize Application), creating users (Manage Users or Manage Internal Users)
 * and assigning permission sets (Assign Permission Sets or Manage Users). Which rights each action
 * needs is our reading of the Setup permission descriptions, not a documented table.
 */
const checkDeployer = (facts: OrgFacts, usersToSetUp: boolean, at: At): Problem[] => {
  const held = facts.deployerPermissions;
  const where = at('deploying user', 'permissions');
  if (!held) return [problem.warning('DeployerPermissionsUnreadable', where)];
  const problems: Problem[] = [];
  const has = (p: string): boolean => held.has(p) || !facts.permissions.has(p);
  if (!has('ModifyAllData') && !(has('ModifyMetadata') && has('CustomizeApplication'))) {
    problems.push(problem.error('DeployerCannotDeployMetadata', where));
  }
  // Users and assignments only for vendors with an integration user.
  if (!usersToSetUp) return problems;
  if (!has('ManageUsers') && !has('ManageInternalUsers')) {
    problems.push(problem.error('DeployerCannotCreateUsers', where));
  }
  if (!has('ManageUsers') && !has('AssignPermissionSets')) {
    problems.push(problem.error('DeployerCannotAssignPermissionSets', where));
  }
  return problems;
};

/**
 * Every user permission the components deploy may send need (componentRights.ts), each one the
 * deploying user lacks named with the type that needs it, before anything is sent. Unreadable
 * rights are already a warning (checkDeployer); a permission the org lacks asks for nothing.
 */
const checkComponentRights = (facts: OrgFacts, types: string[], at: At): Problem[] => {
  const held = facts.deployerPermissions;
  if (!held) return [];
  const needs = new Map<string, string[]>();
  for (const type of [...new Set(types)].sort()) {
    const right = COMPONENT_RIGHTS[type];
    if (right && facts.permissions.has(right) && !held.has(right))
      needs.set(right, [...(needs.get(right) ?? []), type]);
  }
  return [...needs].map(([right, needing]) => {
    const label = facts.permissions.get(right) ?? right;
    return problem.error(
      'DeployerLacksPermissionForComponent',
      at('deploying user', `permissions ${right}`),
      [right, label, needing.join(', '), needing.join(' and ')],
      [right, label]
    );
  });
};

type UserContext = {
  user: NonNullable<Vendor['user']>;
  username: string;
  usernameWhere: Where;
  userWhere: (field: string) => Where;
};

/**
 * The profile an existing user keeps (it must be of the vendor's licence and active), or the one a
 * new user gets (and a free licence for it). No profile: the user cannot be planned.
 */
const chooseProfile = (
  facts: OrgFacts,
  context: UserContext,
  licence: UserLicenseFact,
  existing: UserFact | undefined
): { profile?: ProfileFact; problems: Problem[] } => {
  const { user, username } = context;
  const profilesForLicence = facts.profiles.filter((p) => p.userLicenseId === licence.id);
  if (existing) {
    const profile = profilesForLicence.find((p) => p.id === existing.profileId);
    if (!profile) {
      const notOfLicence = problem.error(
        'IntegrationUserProfileNotOfLicence',
        context.usernameWhere,
        [username, user.userLicense],
        [user.userLicense]
      );
      return { problems: [notOfLicence] };
    }
    if (!existing.isActive)
      return { problems: [problem.error('IntegrationUserInactive', context.usernameWhere, [username])] };
    return { profile, problems: [] };
  }
  const profile = profilesForLicence.find((p) => p.name === user.profileName) ?? profilesForLicence[0];
  if (!profile)
    return {
      problems: [problem.error('OrgLacksProfileForLicence', context.userWhere('profileByLicense'), [user.userLicense])],
    };
  // No free licence is reported and the plan goes on: the rest of what the user needs is checked too.
  const seats =
    free(licence) < 1
      ? [
          problem.error('NoFreeUserLicence', context.userWhere('userLicense'), [
            licence.name,
            licence.used,
            licence.total,
          ]),
        ]
      : [];
  return { profile, problems: seats };
};

/** The permission set licences the user needs, each in the org and with a free seat unless the user holds it. */
const choosePsls = (facts: OrgFacts, context: UserContext, held: Set<string>, problems: Problem[]): PslFact[] => {
  const { user } = context;
  const psls: PslFact[] = [];
  for (const name of user.permissionSetLicenses) {
    const psl = facts.permissionSetLicenses.find((p) => p.developerName === name);
    if (!psl) {
      problems.push(
        problem.error(
          'OrgLacksPermissionSetLicenceForUser',
          context.userWhere('permissionSetLicenses'),
          [name],
          [user.userLicense]
        )
      );
      continue;
    }
    if (!held.has(psl.id) && free(psl) < 1)
      problems.push(
        problem.error('NoFreePermissionSetLicence', context.userWhere('permissionSetLicenses'), [
          psl.masterLabel,
          psl.used,
          psl.total,
        ])
      );
    psls.push(psl);
  }
  return psls;
};

/**
 * The sandbox copy of `username` (Help, sandbox users and contacts): `<username>.<sandbox name>`,
 * or, where that was taken, with "some characters and digits" prepended (`00x7Vquser@acme.com.test`).
 * A prepended copy is reused only when its e-mail is the values file's (a copy's e-mail gets
 * `.invalid` appended, Help); two such copies are an error naming both. Unverified: the prepended
 * text's exact form (the Help shows one example); any letters and digits are taken. The federation
 * id is not compared: the values file does not hold one.
 */
const sandboxCopy = (
  facts: OrgFacts,
  username: string,
  email: string,
  context: UserContext
): { user?: UserFact; name?: SandboxName; problems: Problem[] } => {
  for (const name of facts.sandbox?.naming ?? []) {
    const copy = `${username}.${name.name}`.toLowerCase();
    const plain = facts.users.find((u) => u.username.toLowerCase() === copy);
    if (plain) return { user: plain, name, problems: [] };
    const mail = email.toLowerCase();
    const prefixed = facts.users.filter((u) => {
      const lower = u.username.toLowerCase();
      return (
        lower.endsWith(copy) &&
        /^[a-z0-9]+$/.test(lower.slice(0, lower.length - copy.length)) &&
        [mail, `${mail}.invalid`].includes(u.email.toLowerCase())
      );
    });
    if (prefixed.length > 1)
      return {
        problems: [
          problem.error(
            'SandboxCopyAmbiguous',
            context.usernameWhere,
            [username, prefixed.map((u) => u.username).join(', ')],
            [prefixed.map((u) => u.username).join(' or ')]
          ),
        ],
      };
    if (prefixed[0]) return { user: prefixed[0], name, problems: [] };
  }
  return { problems: [] };
};

/**
 * The user that already holds the integration user's place: the username itself, or in a sandbox
 * its copy from production (reused, with a note saying where the sandbox name came from).
 */
const existingUser = (
  facts: OrgFacts,
  vendor: Vendor,
  username: string,
  email: string,
  context: UserContext,
  result: PreflightResult
): UserFact | undefined | 'refused' => {
  const exact = facts.users.find((u) => u.username.toLowerCase() === username.toLowerCase());
  if (exact) return exact;
  const copy = sandboxCopy(facts, username, email, context);
  if (copy.problems.length) {
    result.problems.push(...copy.problems);
    return 'refused';
  }
  if (copy.user && copy.name)
    result.notes.push(
      `${vendor.name}: ${
        copy.user.username
      } is the sandbox copy of ${username}; it is used as the integration user (sandbox name ${copy.name.name} ${
        copy.name.guess ? 'guessed from' : 'from'
      } ${copy.name.from}).`
    );
  return copy.user;
};

const planUser = (facts: OrgFacts, vendor: Vendor, values: OrgValues, result: PreflightResult, at: At): void => {
  const user = vendor.user;
  // A vendor without an integration user (vendor.json has no integrationUser): nothing to plan.
  if (!user || vendor.integrationUser === undefined) return;
  const vendorValues = values.vendors[vendor.name];
  const username = valueByRole(vendor, values, 'integrationUsername');
  const email = valueByRole(vendor, values, 'integrationUserEmail');
  const userFile = `${vendor.relDir}/${vendor.integrationUser}`;
  const context: UserContext = {
    user,
    username,
    usernameWhere: at(values.file, fieldByRole(vendor, 'integrationUsername')),
    userWhere: (field) => at(userFile, field),
  };
  const licence = facts.userLicenses.find((l) => l.name === user.userLicense);
  if (!licence) {
    result.problems.push(
      problem.error('OrgLacksUserLicence', context.userWhere('userLicense'), [user.userLicense], [vendor.title])
    );
    return;
  }
  const found = existingUser(facts, vendor, username, email, context, result);
  if (found === 'refused') return;
  const existing = found;
  const { profile, problems } = chooseProfile(facts, context, licence, existing);
  result.problems.push(...problems);
  if (!profile) return;
  const held = existing ? facts.pslAssignments.get(existing.id) ?? new Set<string>() : new Set<string>();
  const psls = choosePsls(facts, context, held, result.problems);
  const features = vendorValues?.features ?? [];
  const permissionSets = vendor.permissionSets
    .filter((p) => p.assign === 'always' || (p.feature !== undefined && features.includes(p.feature)))
    .map((p) => p.name);
  const ranges = facts.loginIpRanges.get(profile.id) ?? [];
  // Hardened mode's own profile has login IP ranges on purpose (they are the vendor's).
  if (ranges.length && profile.name !== vendor.hardening?.restrictLoginToVendorRanges.profile) {
    const tokens = [profile.name, username, ranges.length];
    const where = context.userWhere('profile');
    result.problems.push(
      vendor.advice?.profileLoginIpRanges
        ? problem.warning('ProfileLoginIpRangesWithVendorAdvice', where, tokens, [vendor.advice.profileLoginIpRanges])
        : problem.warning('ProfileLoginIpRanges', where, tokens, [vendor.title])
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
