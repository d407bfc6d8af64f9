import type { Connection } from '@salesforce/core';
import { loadMessages } from '../../messages';
import type { Vendor } from '../../catalogue';
import type { UserPlan } from '../plan/preflight';
import type { ProfileFact } from '../read/readOrgFacts';
import { soqlIn } from '../read/soql';
import type { HardeningPlan } from '../hardening/planHardening';

const messages = loadMessages('org');

// Salesforce facts relied on that no source here settles (unverified): a Profile deployed with
// <custom>true</custom> and <userLicense> is created on that licence with Profile.Name = its fullName;
// a profile created that way holds no user permissions beyond what the file lists (Setup may add its
// licence's defaults); a User's ProfileId can be changed through the REST API to another profile on
// the same licence; deleteMetadata removes a custom profile once no user is assigned to it.
const profileByName = async (connection: Connection, name: string): Promise<ProfileFact | undefined> => {
  const rows = await connection.query<{ Id: string; Name: string; UserLicenseId: string }>(
    `SELECT Id, Name, UserLicenseId FROM Profile WHERE Name IN ${soqlIn([name])}`
  );
  const row = rows.records[0];
  return row ? { id: row.Id, name: row.Name, userLicenseId: row.UserLicenseId } : undefined;
};

/**
 * Hardened mode on: the user is created on the dedicated profile the deploy just landed. Returns the
 * user plan with that profile (found by name, read back after the deploy).
 */
export const withHardenedProfile = async (
  connection: Connection,
  plan: UserPlan,
  hardening: HardeningPlan | undefined
): Promise<UserPlan> => {
  if (!hardening?.on) return plan;
  const profile = await profileByName(connection, hardening.profileName);
  if (!profile) throw messages.createError('error.HardenedProfileMissing', [hardening.profileName]);
  return { ...plan, profile };
};

const moveUser = async (
  connection: Connection,
  userId: string,
  username: string,
  profile: ProfileFact
): Promise<void> => {
  try {
    await connection.sobject('User').update({ Id: userId, ProfileId: profile.id });
  } catch (err) {
    throw messages.createError('error.ProfileMoveFailed', [username, profile.name, (err as Error).message]);
  }
};

/**
 * After the users are provisioned: on, an existing user moves to the dedicated profile; off, the
 * user moves back to its licence's profile and the dedicated profile is removed (only ours, by the
 * name vendor.json gives it). Returns what was done, in plain words.
 */
export const applyHardening = async (
  connection: Connection,
  vendor: Vendor,
  plan: UserPlan,
  userId: string,
  hardening: HardeningPlan | undefined
): Promise<{ done: string[]; profile?: string }> => {
  const done: string[] = [];
  if (!hardening) return { done };
  let profile: string | undefined;
  if (hardening.on) {
    if (plan.existing && plan.existing.profileId !== plan.profile.id) {
      await moveUser(connection, userId, plan.username, plan.profile);
      done.push(
        `${plan.username} moved to profile ${plan.profile.name} (hardened mode: logins only from ${
          vendor.trustedRanges?.owner ?? vendor.title
        }'s ranges).`
      );
    }
    return { done };
  }
  if (hardening.moveUser === 'back') {
    // The loader refuses hardened mode for a vendor without an integration user.
    const user = vendor.user;
    const back = user
      ? await standardProfile(connection, user.userLicense, user.profileName, hardening.profileName)
      : undefined;
    if (!back) throw messages.createError('error.HardenedProfileMissing', [user?.profileName ?? '']);
    await moveUser(connection, userId, plan.username, back);
    profile = back.name;
    done.push(`${plan.username} moved back to profile ${back.name} (hardened mode is off).`);
  }
  if (hardening.removeProfile) {
    const [result] = [await connection.metadata.delete('Profile', [hardening.profileName])].flat();
    if (!result?.success) {
      const errors = [(result as { errors?: unknown } | undefined)?.errors ?? []].flat() as Array<{ message?: string }>;
      throw messages.createError('error.HardenedProfileRemoveFailed', [
        hardening.profileName,
        errors.map((e) => e.message ?? '').join('; '),
      ]);
    }
    done.push(`profile ${hardening.profileName} removed (hardened mode is off).`);
  }
  return { done, ...(profile ? { profile } : {}) };
};

/** The profile the integration user has without hardened mode: the catalogue's, else any other on its licence. */
export const standardProfile = async (
  connection: Connection,
  userLicense: string,
  profileName: string,
  hardenedName: string
): Promise<ProfileFact | undefined> => {
  const licences = await connection.query<{ Id: string }>(
    `SELECT Id FROM UserLicense WHERE Name IN ${soqlIn([userLicense])}`
  );
  const ids = licences.records.map((r) => r.Id);
  if (!ids.length) return undefined;
  const rows = await connection.query<{ Id: string; Name: string; UserLicenseId: string }>(
    `SELECT Id, Name, UserLicenseId FROM Profile WHERE UserLicenseId IN ${soqlIn(ids)}`
  );
  const candidates = rows.records.filter((r) => r.Name !== hardenedName);
  const row = candidates.find((r) => r.Name === profileName) ?? candidates[0];
  return row ? { id: row.Id, name: row.Name, userLicenseId: row.UserLicenseId } : undefined;
};
