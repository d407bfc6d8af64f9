import type { Connection } from '@salesforce/core';
import { loadMessages } from '../../messages';
import type { Vendor } from '../../catalogue';
import type { UserPlan } from '../plan/preflight';
import { fieldByRole } from '../../values';
import { soqlIn } from '../read/soql';
import { networkError } from '../networkError';
import { newUserReport, userRecord } from './userRecord';

const messages = loadMessages('org');

export type UserReport = {
  vendor: string;
  username: string;
  userId: string;
  created: boolean;
  profile: string;
  permissionSetLicensesAssigned: string[];
  permissionSetsAssigned: string[];
  alreadyAssigned: string[];
  /** What a person still has to do for this user. */
  nextSteps: string[];
  /** Set when an interruption stopped the work before one of this user's writes. */
  interrupted?: true;
};

type SaveError = { errorCode?: string; statusCode?: string; message?: string };

const errorCodeOf = (err: unknown): string => {
  const e = err as SaveError & { data?: SaveError[] | SaveError; name?: string };
  const data = Array.isArray(e.data) ? e.data[0] : e.data;
  return e.errorCode ?? data?.errorCode ?? data?.statusCode ?? e.name ?? '';
};

/** Re-running an assignment answers DUPLICATE_VALUE; the assignment is there, which is what we want. */
const isDuplicate = (err: unknown): boolean =>
  /DUPLICATE_VALUE|duplicate value found|Duplicate PermissionSetAssignment/i.test(
    `${errorCodeOf(err)} ${(err as Error).message ?? ''}`
  );

/**
 * Creates the integration user; its id. A username taken (in any org) is a values problem, named
 * with the field to change.
 */
const createUser = async (
  connection: Connection,
  vendor: Vendor,
  u: NonNullable<Vendor['user']>,
  plan: UserPlan,
  valuesFile: string
): Promise<string> => {
  try {
    const saved = await connection.sobject('User').create(userRecord(u, plan));
    if (!saved.success)
      throw Object.assign(new Error(saved.errors.map((e) => e.message).join('; ')), { data: saved.errors });
    return saved.id;
  } catch (err) {
    const field = fieldByRole(vendor, 'integrationUsername');
    // Usernames are unique across every Salesforce org: a name taken elsewhere is a values problem.
    if (errorCodeOf(err).includes('DUPLICATE_USERNAME') || /Duplicate Username/i.test((err as Error).message)) {
      throw messages
        .createError('error.UsernameTaken', [plan.username, valuesFile, field], [valuesFile, field])
        .setData({ field: `${valuesFile} ${field}` });
    }
    // An expired session or a lost connection says nothing about the values: never blame the username.
    if (/INVALID_SESSION_ID|Session expired or invalid/i.test(`${errorCodeOf(err)} ${(err as Error).message}`))
      throw messages.createError('error.SessionEndedDuringUsers', [plan.username]);
    const unreachable = networkError(err);
    if (unreachable) throw unreachable;
    throw messages
      .createError('error.UserCreateFailed', [plan.username, (err as Error).message], [plan.username])
      .setData({ field: `${valuesFile} ${field}` });
  }
};

/**
 * Creates the integration user if missing (never updates its profile or deletes anything), then
 * assigns permission set licences before permission sets (a set that needs the PSL cannot be
 * assigned first). Idempotent by reading: what the user already holds (read in preflight) is not
 * posted again; DUPLICATE_VALUE is still taken as success, for an assignment made meanwhile.
 */
export const provisionUser = async (
  connection: Connection,
  vendor: Vendor,
  plan: UserPlan,
  valuesFile: string,
  signal?: AbortSignal
): Promise<UserReport> => {
  const report = newUserReport(vendor, plan);
  // Checked before every write: an interruption stops here and the report says how far it got.
  const stop = (): boolean => {
    if (signal?.aborted) report.interrupted = true;
    return Boolean(signal?.aborted);
  };
  if (stop()) return report;
  // Only a vendor with an integration user gets a plan (preflight plans none otherwise).
  const u = vendor.user;
  if (!plan.existing && u) {
    report.userId = await createUser(connection, vendor, u, plan, valuesFile);
    report.created = true;
    // Only where the vendor's guide has the new user finish its setup from the verification email.
    if (vendor.newUserVerifiesEmail)
      report.nextSteps.push(
        `Salesforce emailed ${plan.email} to verify the new user ${plan.username}: open that email and follow it to finish the user (${vendor.title} guide).`
      );
  }
  for (const psl of plan.permissionSetLicenses) {
    if (stop()) return report;
    if (plan.heldPslIds.has(psl.id)) {
      report.alreadyAssigned.push(psl.developerName);
      continue;
    }
    try {
      // eslint-disable-next-line no-await-in-loop -- one assignment after another: the first that fails stops the rest and is named
      await connection
        .sobject('PermissionSetLicenseAssign')
        .create({ AssigneeId: report.userId, PermissionSetLicenseId: psl.id });
      report.permissionSetLicensesAssigned.push(psl.developerName);
    } catch (err) {
      if (!isDuplicate(err))
        throw messages.createError('error.AssignFailed', [psl.developerName, plan.username, (err as Error).message]);
      report.alreadyAssigned.push(psl.developerName);
    }
  }
  if (plan.permissionSets.length) {
    const rows = await connection.query<{ Id: string; Name: string }>(
      `SELECT Id, Name FROM PermissionSet WHERE Name IN ${soqlIn(plan.permissionSets)}`
    );
    for (const name of plan.permissionSets) {
      if (stop()) return report;
      const id = rows.records.find((r) => r.Name === name)?.Id;
      if (!id) throw messages.createError('error.PermissionSetMissingAfterDeploy', [name]);
      if (plan.heldPermissionSetIds.has(id)) {
        report.alreadyAssigned.push(name);
        continue;
      }
      try {
        // eslint-disable-next-line no-await-in-loop -- one assignment after another: the first that fails stops the rest and is named
        await connection.sobject('PermissionSetAssignment').create({ AssigneeId: report.userId, PermissionSetId: id });
        report.permissionSetsAssigned.push(name);
      } catch (err) {
        if (!isDuplicate(err))
          throw messages.createError('error.AssignFailed', [name, plan.username, (err as Error).message]);
        report.alreadyAssigned.push(name);
      }
    }
  }
  return report;
};
