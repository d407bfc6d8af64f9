import type { OrgState } from '../orgState';
import { children, leaf, Node } from '../xml';

/**
 * A permission set deploy, checked the way an org checks it. Sources: unknown permission text
 * "In field: name - no UserPermission named X found" (reference A, heal_permset.py); dependency text
 * "Permission X depends on permission(s): Y, Z" (reference B.1); licence caps "The user license
 * doesn't allow the permission: X" (reference D.3, unverified for deploys); missing object text
 * unverified ("In field: object - no CustomObject named X found").
 */
// eslint-disable-next-line complexity -- one branch per refusal an org gives a permission set
export const permissionSetProblems = (state: OrgState, node: Node): string[] => {
  const problems: string[] = [];
  // A fact the probed org would not give cannot refuse anything: the simulator is never stricter than the org.
  const unknown = state.shape.unknown ?? {};
  const enabled = new Set(
    children(node, 'userPermissions')
      .filter((u) => leaf(u, 'enabled') === 'true')
      .map((u) => leaf(u, 'name') ?? '')
  );
  for (const name of enabled) {
    if (!unknown.permissions && !(name in state.shape.permissions))
      problems.push(`In field: name - no UserPermission named ${name} found`);
  }
  for (const name of enabled) {
    // The rows PermissionDependency lists, then the rules only a deploy shows (shape.deployRequires).
    const required = [
      ...new Set([...(state.shape.dependencies[name] ?? []), ...(state.shape.deployRequires?.[name] ?? [])]),
    ];
    const missing = required.filter((r) => !enabled.has(r));
    if (missing.length && name in state.shape.permissions)
      problems.push(`Permission ${name} depends on permission(s): ${missing.join(', ')}`);
  }
  const license = leaf(node, 'license');
  if (license !== undefined) {
    const psl = state.shape.permissionSetLicences.find((p) => (p.licenseInFiles ?? p.masterLabel) === license);
    const userLicence = state.shape.userLicences.find((l) => l.name === license);
    if (!psl && !userLicence && !unknown.permissionSetLicences && !unknown.userLicences)
      problems.push(`In field: license - no License named ${license} found`);
    for (const denied of psl?.deniedPermissions ?? []) {
      if (enabled.has(denied))
        problems.push(`The user license doesn't allow the permission: ${state.shape.permissions[denied] ?? denied}`);
    }
  }
  for (const op of children(node, 'objectPermissions')) {
    const object = leaf(op, 'object') ?? '';
    if (!unknown.objects && !state.shape.objects.includes(object))
      problems.push(`In field: object - no CustomObject named ${object} found`);
  }
  return problems;
};
