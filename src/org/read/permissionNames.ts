const PREFIX = 'Permissions';

/**
 * How PermissionDependency names a user permission, read one way by deploy and probe alike.
 * Unverified (reference org-behaviour.md 2026-12-06): whether an org writes Permission and
 * RequiredPermission as the API name (`ViewSetup`) or as the PermissionSet field name
 * (`PermissionsViewSetup`); so both forms are asked for and both are read as the API name.
 */
export const plainPermission = (name: string): string => (name.startsWith(PREFIX) ? name.slice(PREFIX.length) : name);

/** Every form a filter on Permission must list for `names` (API names) to match either way. */
export const permissionNameForms = (names: string[]): string[] =>
  [...new Set(names.map(plainPermission))].flatMap((n) => [n, `${PREFIX}${n}`]);
