import type { Connection } from '@salesforce/core';
import { soqlIn, soqlString } from '../org/read';
import { standardProfile } from '../org/apply';
import type { VendorFootprint } from './footprint';
import { attempt, LifecycleStep, step } from './lifecycleStep';
import { deleteRecord, updateRecord } from './orgCalls';
import type { RunOptions } from './suspendVendor';

type Row = Record<string, unknown>;
const query = async (connection: Connection, soql: string): Promise<Row[]> =>
  (await connection.query<Row>(soql, { autoFetch: true, maxFetch: 50_000 })).records;
const str = (row: Row | undefined, key: string): string => String(row?.[key] ?? '');

export type UserRelease = {
  steps: LifecycleStep[];
  /** Vendor permission sets other users still hold: they cannot be deleted. */ heldByOthers: Map<string, number>;
};

/**
 * Takes the vendor's grants off its integration user, in dependency order: permission set
 * assignments of the vendor's own sets, then its permission set licence assignments (a licence
 * cannot go while a set that needs it is assigned), then deactivates the user; users are never
 * deleted. Other assignments of the user, and every other user's, are left alone; the vendor's
 * sets other users hold are reported so they are not deleted.
 */
export const releaseUser = async (
  connection: Connection,
  footprint: VendorFootprint,
  options: RunOptions
): Promise<UserRelease> => {
  const { vendor, username } = footprint;
  const steps: LifecycleStep[] = [];
  const run = async (s: LifecycleStep, work: () => Promise<void>): Promise<LifecycleStep> =>
    options.dryRun ? s : attempt(s, work, options.signal);
  const [users, sets, licences] = await Promise.all([
    footprint.hasUser
      ? query(connection, `SELECT Id, IsActive, ProfileId FROM User WHERE Username = ${soqlString(username)}`)
      : Promise.resolve([]),
    footprint.permissionSets.length
      ? query(connection, `SELECT Id, Name FROM PermissionSet WHERE Name IN ${soqlIn(footprint.permissionSets)}`)
      : Promise.resolve([]),
    footprint.permissionSetLicenses.length
      ? query(
          connection,
          `SELECT Id, DeveloperName FROM PermissionSetLicense WHERE DeveloperName IN ${soqlIn(
            footprint.permissionSetLicenses
          )}`
        )
      : Promise.resolve([]),
  ]);
  const userId = str(users[0], 'Id');
  const assignments = sets.length
    ? await query(
        connection,
        `SELECT Id, AssigneeId, PermissionSetId FROM PermissionSetAssignment WHERE PermissionSetId IN ${soqlIn(
          sets.map((s) => str(s, 'Id'))
        )}`
      )
    : [];
  const heldByOthers = new Map<string, number>();
  for (const set of sets) {
    const others = assignments.filter(
      (a) => str(a, 'PermissionSetId') === str(set, 'Id') && str(a, 'AssigneeId') !== userId
    ).length;
    if (others) heldByOthers.set(str(set, 'Name'), others);
  }
  if (!userId)
    return {
      steps: footprint.hasUser
        ? [
            {
              ...step(vendor, 'deactivateUser', username, 'failed'),
              error: footprint.userMissing ?? 'no such user in this org',
            },
          ]
        : [],
      heldByOthers,
    };
  for (const a of assignments.filter((x) => str(x, 'AssigneeId') === userId)) {
    const name = str(
      sets.find((s) => str(s, 'Id') === str(a, 'PermissionSetId')),
      'Name'
    );
    const planned = step(
      vendor,
      'removeAssignment',
      `${name} from ${username}`,
      'planned',
      `PermissionSetAssignment ${str(a, 'Id')}`
    );
    // eslint-disable-next-line no-await-in-loop -- one step after another: each outcome is recorded in order
    steps.push(await run(planned, () => deleteRecord(connection, 'PermissionSetAssignment', str(a, 'Id'))));
  }
  const setsGone = steps.every((s) => s.outcome === 'done' || s.outcome === 'planned');
  const pslAssignments = licences.length
    ? await query(
        connection,
        `SELECT Id, PermissionSetLicenseId FROM PermissionSetLicenseAssign WHERE AssigneeId = ${soqlString(
          userId
        )} AND PermissionSetLicenseId IN ${soqlIn(licences.map((l) => str(l, 'Id')))}`
      )
    : [];
  for (const a of pslAssignments) {
    const name = str(
      licences.find((l) => str(l, 'Id') === str(a, 'PermissionSetLicenseId')),
      'DeveloperName'
    );
    const s = step(
      vendor,
      'removeLicenceAssignment',
      `${name} from ${username}`,
      'planned',
      `PermissionSetLicenseAssign ${str(a, 'Id')}`
    );
    if (!setsGone) {
      steps.push({ ...s, outcome: 'skipped', error: 'a permission set assignment it needs gone is still there' });
      continue;
    }
    // eslint-disable-next-line no-await-in-loop -- one step after another: each outcome is recorded in order
    steps.push(await run(s, () => deleteRecord(connection, 'PermissionSetLicenseAssign', str(a, 'Id'))));
  }
  steps.push(...(await moveOffHardenedProfile(connection, footprint, userId, str(users[0], 'ProfileId'), run)));
  if (users[0]?.IsActive !== true) steps.push(step(vendor, 'deactivateUser', username, 'already', 'already inactive'));
  else
    steps.push(
      await run(
        step(vendor, 'deactivateUser', username, 'planned', 'User.IsActive = false; the user is kept, never deleted'),
        () => updateRecord(connection, 'User', { Id: userId, IsActive: false })
      )
    );
  return { steps, heldByOthers };
};

/**
 * Hardened mode: the user moves back to its licence's usual profile, so the dedicated profile can be
 * deleted with the vendor's other metadata (a profile users are on cannot be).
 */
const moveOffHardenedProfile = async (
  connection: Connection,
  footprint: VendorFootprint,
  userId: string,
  profileId: string,
  run: (s: LifecycleStep, work: () => Promise<void>) => Promise<LifecycleStep>
): Promise<LifecycleStep[]> => {
  const hardened = footprint.hardenedProfile;
  if (!hardened || !profileId) return [];
  const onIt = await query(
    connection,
    `SELECT Id FROM Profile WHERE Id = ${soqlString(profileId)} AND Name = ${soqlString(hardened.name)}`
  );
  if (!onIt.length) return [];
  const back = await standardProfile(connection, hardened.userLicense, hardened.standardProfile, hardened.name);
  const s = step(
    footprint.vendor,
    'moveUserProfile',
    `${footprint.username} to ${back?.name ?? hardened.standardProfile}`,
    'planned',
    `off ${hardened.name}, so the profile can be deleted`
  );
  if (!back)
    return [{ ...s, outcome: 'failed', error: `this org has no other profile on the ${hardened.userLicense} licence` }];
  return [await run(s, () => updateRecord(connection, 'User', { Id: userId, ProfileId: back.id }))];
};
