import type { ComponentResult } from './deployEngine';
import { OrgState, rows } from './orgState';
import { pathFor, TYPE_FILES, unknownTypeProblem } from './rules/packageRules';
import { deleteProfile } from './rules/profileRules';
import { children, leaf, parseXml } from './xml';

/** The manifests a deploy zip may carry to delete components (Metadata API: "Deleting Components from an Organization"). */
export const DESTRUCTIVE_MANIFESTS = {
  pre: ['destructiveChanges.xml', 'destructiveChangesPre.xml'],
  post: ['destructiveChangesPost.xml'],
} as const;

const ECA_SATELLITES = [
  'ExtlClntAppGlobalOauthSettings',
  'ExtlClntAppOauthSettings',
  'ExtlClntAppOauthConfigurablePolicies',
  'ExtlClntAppConfigurablePolicies',
];
// Satellites before their app, apps before the permission sets their policies name.
const DELETE_ORDER = [...ECA_SATELLITES, 'ExternalClientApplication', 'PermissionSet', 'Profile', 'Settings'];

const membersOf = (xml: string): Array<{ type: string; fullName: string }> =>
  children(parseXml(xml).node, 'types').flatMap((t) =>
    (t.members ?? []).map((m) => ({ type: leaf(t, 'name') ?? '', fullName: typeof m === 'string' ? m : '' }))
  );

/**
 * Applies one destructive manifest to the working copy of the org, with the rules an org enforces:
 * - a member the org does not hold is a warning, which fails a deploy without ignoreWarnings
 * ("No PermissionSet named: X found"; wording as deploy results show it, unverified);
 * - a permission set still assigned to a user cannot be deleted (Help 000386289; wording unverified);
 * - an External Client App cannot be deleted while a settings or policy component of it stays
 * (unverified: the order Salesforce requires is not documented; the product deletes them together).
 */
export const applyDestructive = (
  work: OrgState,
  files: Map<string, string>,
  phase: keyof typeof DESTRUCTIVE_MANIFESTS
): ComponentResult[] => {
  const members = DESTRUCTIVE_MANIFESTS[phase].flatMap((name) =>
    files.has(name) ? membersOf(files.get(name) as string) : []
  );
  members.sort((a, b) => DELETE_ORDER.indexOf(a.type) - DELETE_ORDER.indexOf(b.type));
  const deleting = new Set(members.map((m) => `${m.type}:${m.fullName}`));
  const results: ComponentResult[] = [];
  for (const { type, fullName } of members) {
    const fileName = pathFor(type, fullName) ?? `${type}/${fullName}`;
    const fail = (problem: string): void =>
      void results.push({ componentType: type, fullName, fileName, success: false, problem });
    if (!TYPE_FILES[type]) {
      fail(unknownTypeProblem(type));
      continue;
    }
    const key = `${type}:${fullName}`;
    if (!work.components.has(key)) {
      fail(`No ${type} named: ${fullName} found`);
      continue;
    }
    if (type === 'PermissionSet') {
      const set = rows(work, 'PermissionSet').find((p) => p.Name === fullName);
      const assigned = rows(work, 'PermissionSetAssignment').filter((a) => a.PermissionSetId === set?.Id);
      if (assigned.length) {
        fail(
          `This permission set is assigned to ${assigned.length} user(s) and can't be deleted. Remove the assignments first.`
        );
        continue;
      }
      work.records.set(
        'PermissionSet',
        rows(work, 'PermissionSet').filter((p) => p.Name !== fullName)
      );
    }
    if (type === 'Profile') {
      const problem = deleteProfile(work, fullName);
      if (problem) {
        fail(problem);
        continue;
      }
    }
    if (type === 'ExternalClientApplication') {
      const left = [...work.components.values()].filter(
        (c) =>
          ECA_SATELLITES.includes(c.type) &&
          leaf(parseXml(c.xml).node, 'externalClientApplication') === fullName &&
          !deleting.has(`${c.type}:${c.fullName}`)
      );
      if (left.length) {
        fail(`Cannot delete ${fullName}: it still has ${left.map((c) => `${c.type} ${c.fullName}`).join(', ')}`);
        continue;
      }
      work.consumerKeys.delete(fullName);
      work.consumerSecrets.delete(fullName);
    }
    work.components.delete(key);
    results.push({ componentType: type, fullName, fileName, success: true, deleted: true });
  }
  return results;
};
