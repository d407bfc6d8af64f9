import { PermissionInfo, PERMISSIONS } from './permissionCatalogue';

/** Why a permission is in a set: the guide asked for it, or another permission requires it. */
export type PermissionReason =
  | { kind: 'guide' }
  | { kind: 'dependency'; of: string; chain: string[] }
  | { kind: 'unexplained' };

/**
 * Every permission `granted` requires, transitively, through the static catalogue. Returns the
 * requirements that are missing from `granted` (each with the permission that needs it), and the
 * org-dependent requirements that only the org can settle.
 */
export const findMissingRequirements = (
  granted: Iterable<string>,
  catalogue: Record<string, PermissionInfo> = PERMISSIONS
): {
  missing: Array<{ permission: string; requiredBy: string }>;
  whereAvailable: Array<{ permission: string; requiredBy: string }>;
} => {
  const have = new Set(granted);
  const missing: Array<{ permission: string; requiredBy: string }> = [];
  const whereAvailable: Array<{ permission: string; requiredBy: string }> = [];
  for (const name of [...have].sort()) {
    const info = catalogue[name];
    if (!info) continue;
    for (const required of info.requires)
      if (!have.has(required)) missing.push({ permission: required, requiredBy: name });
    for (const required of info.requiresWhereAvailable ?? []) {
      if (!have.has(required)) whereAvailable.push({ permission: required, requiredBy: name });
    }
  }
  return { missing, whereAvailable };
};

/**
 * Explains each granted permission: asked for by the guide, or pulled in by the dependency chain of
 * a guide permission (shortest chain first, so "Manage Users ← Manage MFA in API" reads naturally).
 */
export const explainPermissions = (
  granted: string[],
  guideAsked: string[],
  catalogue: Record<string, PermissionInfo> = PERMISSIONS
): Map<string, PermissionReason> => {
  const reasons = new Map<string, PermissionReason>();
  const asked = new Set(guideAsked);
  for (const name of granted) if (asked.has(name)) reasons.set(name, { kind: 'guide' });
  // Breadth-first from the guide's permissions gives every implied one its shortest chain.
  const queue: Array<{ name: string; chain: string[] }> = guideAsked
    .filter((n) => granted.includes(n))
    .map((n) => ({ name: n, chain: [n] }));
  const grantedSet = new Set(granted);
  while (queue.length) {
    const { name, chain } = queue.shift() as { name: string; chain: string[] };
    const info = catalogue[name];
    for (const required of [...(info?.requires ?? []), ...(info?.requiresWhereAvailable ?? [])]) {
      if (!grantedSet.has(required) || reasons.has(required)) continue;
      reasons.set(required, { kind: 'dependency', of: chain[0] as string, chain: [...chain, required] });
      queue.push({ name: required, chain: [...chain, required] });
    }
  }
  for (const name of granted) if (!reasons.has(name)) reasons.set(name, { kind: 'unexplained' });
  return reasons;
};
