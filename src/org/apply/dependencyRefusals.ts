/**
 * What a refused permission set deploy says the org requires: "Permission X depends on
 * permission(s): Y, Z" (reference permissions-users.md B.1; the public setup guide in
 * org-behaviour.md 2026-12-06 quotes it with API names: "Permission ViewAllData depends on
 * permission(s): ViewEventLogFiles, ViewPublicDashboards, ViewPublicReports"). Public deploy logs
 * also show it with Setup labels ("Permission Manage Public Documents depends on permission(s):
 * Create Document, …") and for object permissions ("Permission Read X depends on permission(s):
 * Read Y"); unverified which form an org uses when, so both are read, each name resolved against
 * the org's own PermissionSet describe. Object permissions are left to the user (never guessed).
 */
export type DependencyRefusal = {
  /** The permission set the org refused (the component's fullName). */
  permissionSet: string;
  /** The permission the org named, as an API name when the org has it. */
  permission: string;
  /** User permissions (API names) the org says it needs, each one this org has. */
  required: string[];
  /** Names in the error that are no user permission of this org (object permissions, unknown labels). */
  unresolved: string[];
};

const REFUSAL = /Permission (.+?) depends on permission\(s\): (.+?)\s*$/;

/** The org's API name for `name` (an API name or a Setup label), if it has that user permission. */
const apiName = (name: string, permissions: Map<string, string>): string | undefined => {
  const trimmed = name.trim();
  if (permissions.has(trimmed)) return trimmed;
  const plain = trimmed.startsWith('Permissions') ? trimmed.slice('Permissions'.length) : trimmed;
  if (permissions.has(plain)) return plain;
  const lower = trimmed.toLowerCase();
  return [...permissions].find(([, label]) => label.toLowerCase() === lower)?.[0];
};

/** Every dependency refusal among a failed deploy's component errors, for permission sets only. */
export const dependencyRefusals = (
  components: Array<{ type: string; fullName: string; error?: string }>,
  permissions: Map<string, string>
): DependencyRefusal[] =>
  components.flatMap((c) => {
    if (c.type !== 'PermissionSet' || !c.error) return [];
    return c.error.split(/\r?\n/).flatMap((line) => {
      const match = REFUSAL.exec(line);
      if (!match) return [];
      const named = (match[2] as string)
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      const required = named.flatMap((n) => apiName(n, permissions) ?? []);
      return [
        {
          permissionSet: c.fullName,
          permission: apiName(match[1] as string, permissions) ?? (match[1] as string),
          required,
          unresolved: named.filter((n) => apiName(n, permissions) === undefined),
        },
      ];
    });
  });
