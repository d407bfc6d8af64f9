import type { Connection } from '@salesforce/core';
import { loadMessages } from '../messages';
import { sandboxNames, soqlLikeEnd, soqlIn } from '../org/read';
import type { VendorFootprint } from './footprint';

const messages = loadMessages('lifecycle');

type Row = Record<string, unknown>;
const query = async (connection: Connection, soql: string): Promise<Row[]> =>
  (await connection.query<Row>(soql, { autoFetch: true, maxFetch: 2000 })).records;
const str = (row: Row | undefined, key: string): string => String(row?.[key] ?? '');

/** The org the lookup runs in: its connection, My Domain URL and the connected user (a sandbox names both). */
export type UserLookupOrg = { connection: Connection; instanceUrl: string; username: string };

/**
 * Users who hold one of the vendor's permission sets: where its user most likely is when the values
 * name nobody in the org. Listed for a person to choose from; never touched.
 */
const candidatesOf = async (connection: Connection, footprint: VendorFootprint): Promise<string[]> => {
  if (!footprint.permissionSets.length) return [];
  const sets = await query(
    connection,
    `SELECT Id FROM PermissionSet WHERE Name IN ${soqlIn(footprint.permissionSets)}`
  );
  if (!sets.length) return [];
  const assignments = await query(
    connection,
    `SELECT AssigneeId FROM PermissionSetAssignment WHERE PermissionSetId IN ${soqlIn(sets.map((s) => str(s, 'Id')))}`
  );
  const ids = [...new Set(assignments.map((a) => str(a, 'AssigneeId')))].slice(0, 20);
  if (!ids.length) return [];
  return (await query(connection, `SELECT Username FROM User WHERE Id IN ${soqlIn(ids)}`))
    .map((u) => str(u, 'Username'))
    .sort();
};

/**
 * Copies of `wanted` with letters and digits in front of `<wanted>.<sandbox>` whose e-mail is the
 * values' own (or with `.invalid` appended, as a sandbox copy's e-mail gets): deploy's rule for reuse.
 * Without an e-mail in the values nothing is taken on the name alone.
 */
const prefixedCopies = (rows: Row[], wanted: string, suffixes: string[], email: string | undefined): string[] => {
  if (!email) return [];
  const mail = email.toLowerCase();
  return rows
    .filter((r) => [mail, `${mail}.invalid`].includes(str(r, 'Email').toLowerCase()))
    .map((r) => str(r, 'Username'))
    .filter((u) =>
      suffixes.some((s) => {
        const copy = `${wanted}.${s}`.toLowerCase();
        const lower = u.toLowerCase();
        return lower.endsWith(copy) && /^[a-z0-9]+$/.test(lower.slice(0, lower.length - copy.length));
      })
    );
};

/**
 * Finds the vendor's integration user the way deploy does (src/org/plan/preflight.ts planUser): the
 * values file's username, or in a sandbox its copy `<username>.<sandbox name>` (Help: sandbox users
 * and contacts); `--username` names it outright. Returns the footprint with the username the org
 * holds, a note when it is not the values' own, or `userMissing` saying what was looked for, which
 * users hold the vendor's permission sets (candidates, not touched) and how to point at the right
 * one. A vendor without a user is returned as it is. Read-only.
 */
export const findVendorUser = async (
  org: UserLookupOrg,
  footprint: VendorFootprint,
  override?: string
): Promise<VendorFootprint> => {
  if (!footprint.hasUser) return footprint;
  const { connection } = org;
  const wanted = override ?? footprint.username;
  const suffixes = override ? [] : sandboxNames(org.instanceUrl, org.username);
  const names = [wanted, ...suffixes.map((s) => `${wanted}.${s}`)];
  // In a sandbox the copy may also carry "some characters and digits" in front when
  // `<username>.<sandbox>` was taken (Help: sandbox users and contacts, e.g. 00x7Vquser@acme.com.test):
  // asked for in the same query, and reused only as deploy reuses it (src/org/plan/preflight.ts).
  const [rows, organization] = await Promise.all([
    query(
      connection,
      `SELECT Id, Username, Email FROM User WHERE Username IN ${soqlIn(names)}${
        suffixes.length ? ` OR Username LIKE ${soqlLikeEnd(wanted)}` : ''
      }`
    ),
    suffixes.length ? query(connection, 'SELECT IsSandbox FROM Organization') : Promise.resolve([]),
  ]);
  const held = (name: string): string | undefined =>
    rows.map((r) => str(r, 'Username')).find((u) => u.toLowerCase() === name.toLowerCase());
  const exact = held(wanted);
  // A copy counts only where the org says it is a sandbox, as in deploy.
  const inSandbox = exact === undefined && organization[0]?.IsSandbox === true;
  const prefixed = inSandbox ? prefixedCopies(rows, wanted, suffixes, footprint.userEmail) : [];
  if (prefixed.length > 1)
    return {
      ...footprint,
      userMissing: messages.getMessage('info.UserCopyAmbiguous', [
        wanted,
        prefixed.join(', '),
        footprint.usernameSource,
        footprint.vendor,
      ]),
    };
  const copy = inSandbox
    ? suffixes.map((s) => held(`${wanted}.${s}`)).find((u): u is string => u !== undefined) ?? prefixed[0]
    : undefined;
  const found = exact ?? copy;
  if (found)
    return {
      ...footprint,
      username: found,
      ...(override
        ? { userNote: messages.getMessage('info.UserFromFlag', [found]) }
        : copy
        ? { userNote: messages.getMessage('info.UserSandboxCopy', [copy, footprint.username]) }
        : {}),
    };
  const candidates = await candidatesOf(connection, footprint).catch(() => []);
  // The copies were looked for only where the org says it is a sandbox: only those are named.
  const lookedFor = (organization[0]?.IsSandbox === true ? names : [wanted]).join(' or ');
  return {
    ...footprint,
    username: wanted,
    userMissing: messages.getMessage('info.UserNotFound', [
      lookedFor,
      candidates.length
        ? messages.getMessage('info.UserCandidates', [footprint.vendor, candidates.join(', ')])
        : messages.getMessage('info.UserNoCandidates', [footprint.vendor]),
      override ? '--username' : footprint.usernameSource,
      footprint.vendor,
    ]),
  };
};
