import type { Connection } from '@salesforce/core';

/**
 * Every user permission of this org with its Setup label: the `Permissions<Name>` boolean fields
 * of describe(PermissionSet) (the technique sfpowerkit uses; reference permissions-users.md A).
 */
export const readPermissionFields = async (connection: Connection): Promise<Record<string, string>> => {
  const describe = await connection.describe('PermissionSet');
  const fields = describe.fields.filter((f) => f.name.startsWith('Permissions') && f.type === 'boolean');
  return Object.fromEntries(
    fields.map((f) => [f.name.slice('Permissions'.length), f.label] as const).sort(([a], [b]) => a.localeCompare(b))
  );
};

/**
 * Which permission carries each label (e.g. "View Event Log Object Data", whose API name no public
 * source gives), or null where no PermissionSet field has it: the org lacks the feature.
 */
export const permissionsByLabel = (
  permissions: Record<string, string>,
  labels: string[]
): Record<string, string | null> =>
  Object.fromEntries(
    labels.map((label) => [label, Object.entries(permissions).find(([, l]) => l === label)?.[0] ?? null])
  );
