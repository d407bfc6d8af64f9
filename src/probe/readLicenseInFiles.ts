import type { Connection } from '@salesforce/core';
import { selectText, parseMetadataXml } from '../metadata';
import { retrieveOrgMetadata, soqlIn } from '../org/read';
import { chunks, queryRows, text } from './queryRows';

/**
 * The `<license>` text a permission set file uses for each permission set licence, read from a
 * retrieve of one custom permission set the org already ties to it (PermissionSet.LicenseId),
 * preferring the vendors' own. Settles what no public permission set file shows (reference
 * org-behaviour.md, Users). Only the text is kept, never which permission set it came from.
 */
export const readLicenseInFiles = async (
  connection: Connection,
  pslIds: Map<string, string>,
  preferred: string[]
): Promise<Map<string, string>> => {
  const sets: Array<{ name: string; developerName: string }> = [];
  for (const ids of chunks([...pslIds.keys()], 100)) {
    // eslint-disable-next-line no-await-in-loop -- chunks one after another: the probe sends one query at a time
    for (const row of await queryRows(
      connection,
      `SELECT Name, LicenseId, IsCustom FROM PermissionSet WHERE LicenseId IN ${soqlIn(ids)}`
    )) {
      if (row.IsCustom === false) continue;
      sets.push({ name: text(row, 'Name'), developerName: pslIds.get(text(row, 'LicenseId')) ?? '' });
    }
  }
  const chosen = new Map<string, string>();
  for (const set of [...sets].sort((a, b) => Number(preferred.includes(b.name)) - Number(preferred.includes(a.name))))
    if (!chosen.has(set.developerName)) chosen.set(set.developerName, set.name);
  if (!chosen.size) return new Map();
  const files = await retrieveOrgMetadata(
    connection,
    [...chosen.values()].map((fullName) => ({ type: 'PermissionSet', fullName }))
  );
  const found = new Map<string, string>();
  for (const [developerName, name] of chosen) {
    const xml = files.get(`permissionsets/${name}.permissionset`);
    const parsed = xml ? parseMetadataXml(xml) : undefined;
    const license = parsed?.ok ? selectText(parsed.node, 'license') : undefined;
    if (license) found.set(developerName, license);
  }
  return found;
};
