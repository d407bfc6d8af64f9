import type { Connection } from '@salesforce/core';
import { soqlIn } from '../org/read';
import type { SetupEntityAccessFact } from './probeShape';
import { chunks, queryRows, text } from './queryRows';

/**
 * SetupEntityAccess rows of the vendors' permission sets, per SetupEntityType: how many, and which
 * of our permission sets (by name; no ids). A grant of an External Client App shows as type
 * 'ExternalClientApplication' (reference org-behaviour.md 2026-12-06); unverified whether deploying
 * the OAuth policies' commaSeparatedPermissionSet creates that row: probed after a deploy, a real org
 * answers it.
 */
export const readSetupEntityAccess = async (
  connection: Connection,
  permissionSets: string[]
): Promise<SetupEntityAccessFact[]> => {
  const sets = permissionSets.length
    ? await queryRows(connection, `SELECT Id, Name FROM PermissionSet WHERE Name IN ${soqlIn(permissionSets)}`)
    : [];
  const nameById = new Map(sets.map((r) => [text(r, 'Id'), text(r, 'Name')]));
  const byType = new Map<string, { rows: number; permissionSets: Set<string> }>();
  for (const ids of chunks([...nameById.keys()], 100)) {
    // eslint-disable-next-line no-await-in-loop -- chunks one after another: the probe sends one query at a time
    for (const row of await queryRows(
      connection,
      `SELECT ParentId, SetupEntityType FROM SetupEntityAccess WHERE ParentId IN ${soqlIn(ids)}`
    )) {
      const entry = byType.get(text(row, 'SetupEntityType')) ?? { rows: 0, permissionSets: new Set<string>() };
      entry.rows++;
      entry.permissionSets.add(nameById.get(text(row, 'ParentId')) ?? '');
      byType.set(text(row, 'SetupEntityType'), entry);
    }
  }
  return [...byType]
    .map(([setupEntityType, e]) => ({ setupEntityType, rows: e.rows, permissionSets: [...e.permissionSets].sort() }))
    .sort((a, b) => a.setupEntityType.localeCompare(b.setupEntityType));
};
