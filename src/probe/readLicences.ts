import type { Connection } from '@salesforce/core';
import type { Fact, LicenceFact, PermissionSetLicenceFact } from './probeShape';
import { readFact } from './readFact';
import { readLicenseInFiles } from './readLicenseInFiles';
import { chunks, count, queryRows, text } from './queryRows';

/** User licences with their seats, and the profiles of each licence (by licence name, no ids kept). */
export const readUserLicences = async (
  connection: Connection
): Promise<{ userLicences: Fact<LicenceFact[]>; profiles: Fact<Array<{ name: string; licence: string }>> }> => {
  const licenceRows = await readFact(() =>
    queryRows(connection, 'SELECT Id, Name, TotalLicenses, UsedLicenses FROM UserLicense')
  );
  if (typeof licenceRows === 'string') return { userLicences: licenceRows, profiles: licenceRows };
  const nameById = new Map(licenceRows.map((r) => [text(r, 'Id'), text(r, 'Name')]));
  const profiles = await readFact(async () =>
    (await queryRows(connection, 'SELECT Name, UserLicenseId FROM Profile'))
      .flatMap((r) =>
        nameById.has(text(r, 'UserLicenseId'))
          ? [{ name: text(r, 'Name'), licence: nameById.get(text(r, 'UserLicenseId')) as string }]
          : []
      )
      .sort((a, b) => `${a.licence} ${a.name}`.localeCompare(`${b.licence} ${b.name}`))
  );
  const userLicences = licenceRows
    .map((r) => ({ name: text(r, 'Name'), total: count(r, 'TotalLicenses'), used: count(r, 'UsedLicenses') }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { userLicences, profiles };
};

/**
 * Which of `permissions` each licence may not grant: PermissionSetLicense.MaximumPermissions<Name>
 * false (reference permissions-users.md D: "If true, this PermissionSetLicense grants the specified
 * permission"). Only the fields describe(PermissionSetLicense) lists are asked for.
 */
const readDenied = async (connection: Connection, permissions: string[]): Promise<Map<string, string[]>> => {
  const describe = await connection.describe('PermissionSetLicense');
  const fields = new Set(describe.fields.map((f) => f.name));
  const asked = permissions.filter((p) => fields.has(`MaximumPermissions${p}`));
  const denied = new Map<string, string[]>();
  for (const group of chunks(asked, 100)) {
    // eslint-disable-next-line no-await-in-loop -- chunks one after another: the probe sends one query at a time
    const rows = await queryRows(
      connection,
      `SELECT DeveloperName, ${group.map((p) => `MaximumPermissions${p}`).join(', ')} FROM PermissionSetLicense`
    );
    for (const row of rows)
      denied.set(text(row, 'DeveloperName'), [
        ...(denied.get(text(row, 'DeveloperName')) ?? []),
        ...group.filter((p) => row[`MaximumPermissions${p}`] === false),
      ]);
  }
  return denied;
};

const licenseInFilesOf = (
  inFiles: Fact<Map<string, string>>,
  developerName: string
): { licenseInFiles?: Fact<string> } => {
  if (typeof inFiles === 'string') return { licenseInFiles: inFiles };
  const found = inFiles.get(developerName);
  return found ? { licenseInFiles: found } : {};
};

/**
 * Permission set licences: DeveloperName, MasterLabel, seats, which of `permissions` each may not
 * grant, and the `<license>` text permission set files use for it where a permission set shows it.
 */
export const readPermissionSetLicences = async (
  connection: Connection,
  permissions: string[],
  permissionSets: string[]
): Promise<PermissionSetLicenceFact[]> => {
  const rows = await queryRows(
    connection,
    'SELECT Id, DeveloperName, MasterLabel, TotalLicenses, UsedLicenses FROM PermissionSetLicense'
  );
  const [denied, inFiles] = await Promise.all([
    readFact(() => readDenied(connection, permissions)),
    readFact(() =>
      readLicenseInFiles(
        connection,
        new Map(rows.map((r) => [text(r, 'Id'), text(r, 'DeveloperName')])),
        permissionSets
      )
    ),
  ]);
  return rows
    .map((r) => ({
      developerName: text(r, 'DeveloperName'),
      masterLabel: text(r, 'MasterLabel'),
      total: count(r, 'TotalLicenses'),
      used: count(r, 'UsedLicenses'),
      deniedPermissions: typeof denied === 'string' ? denied : (denied.get(text(r, 'DeveloperName')) ?? []).sort(),
      ...licenseInFilesOf(inFiles, text(r, 'DeveloperName')),
    }))
    .sort((a, b) => a.developerName.localeCompare(b.developerName));
};
