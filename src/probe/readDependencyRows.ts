import type { Connection } from '@salesforce/core';
import { permissionNameForms, plainPermission, soqlIn } from '../org/read';
import type { DependencyRow } from './probeShape';
import { chunks, queryRows, text } from './queryRows';

const USER_PERMISSION = 'User Permission';
const plain = plainPermission;

/**
 * Every Tooling PermissionDependency row reachable from `start`, filtered by Permission and walked
 * until the closure stops growing (reference permissions-users.md B.4: unfiltered reads are capped).
 * The name forms are read as deploy reads them (permissionNames.ts); the rows are kept as the org
 * returned them, so the probe records which form a real org uses.
 */
export const readDependencyRows = async (connection: Connection, start: string[]): Promise<DependencyRow[]> => {
  const seen = new Set<string>();
  const rows = new Map<string, DependencyRow>();
  let frontier = [...new Set(start.map(plain))];
  for (let round = 0; frontier.length && round < 20; round++) {
    frontier.forEach((p) => seen.add(p));
    for (const names of chunks(frontier, 50)) {
      const soql = `SELECT Permission, RequiredPermission, PermissionType, RequiredPermissionType FROM PermissionDependency WHERE Permission IN ${soqlIn(
        permissionNameForms(names)
      )}`;
      // eslint-disable-next-line no-await-in-loop -- each round asks for what the round before found; its chunks one after another
      for (const r of await queryRows(connection, soql, true)) {
        const row = {
          permission: text(r, 'Permission'),
          permissionType: text(r, 'PermissionType'),
          requiredPermission: text(r, 'RequiredPermission'),
          requiredPermissionType: text(r, 'RequiredPermissionType'),
        };
        rows.set(JSON.stringify(row), row);
      }
    }
    frontier = [...new Set([...rows.values()].map((r) => plain(r.requiredPermission)))].filter((p) => !seen.has(p));
  }
  return [...rows.values()].sort((a, b) =>
    `${a.permission} ${a.requiredPermission}`.localeCompare(`${b.permission} ${b.requiredPermission}`)
  );
};

/**
 * The rows in the shape's two forms: user permission → user permissions it requires (both named as
 * permissions this org has), and every other row exactly as the org returned it.
 */
export const splitDependencies = (
  rows: DependencyRow[],
  permissions: Record<string, string> | undefined
): { dependencies: Record<string, string[]>; otherDependencies: DependencyRow[] } => {
  const dependencies: Record<string, string[]> = {};
  const otherDependencies: DependencyRow[] = [];
  const known = (name: string): boolean => (permissions ? name in permissions : true);
  for (const row of rows) {
    if (
      row.permissionType === USER_PERMISSION &&
      row.requiredPermissionType === USER_PERMISSION &&
      known(row.permission) &&
      known(row.requiredPermission)
    ) {
      dependencies[row.permission] = [...(dependencies[row.permission] ?? []), row.requiredPermission];
    } else otherDependencies.push(row);
  }
  return { dependencies, otherDependencies };
};

/** The permissions `start` reaches through user-permission dependencies. */
export const closureOf = (start: string[], dependencies: Record<string, string[]>): string[] => {
  const reached = new Set<string>();
  const walk = (p: string): void => {
    if (reached.has(p)) return;
    reached.add(p);
    (dependencies[p] ?? []).forEach(walk);
  };
  start.forEach(walk);
  return [...reached].sort();
};
