import type { Connection } from '@salesforce/core';
import type { Vendor } from '../../catalogue';
import { PERMISSIONS } from '../../metadata';
import { BatchRead, batchRequests, BatchResult, Row, rowsOf, valueOf } from './batchRequests';
import { isAccessToken } from './connectOrg';
import { permissionNameForms, plainPermission } from './permissionNames';
import { soqlIn, soqlString } from './soql';

export type UserLicenseFact = { id: string; name: string; total: number; used: number };
export type PslFact = { id: string; developerName: string; masterLabel: string; total: number; used: number };
export type ProfileFact = { id: string; name: string; userLicenseId: string };
export type UserFact = {
  id: string;
  username: string;
  isActive: boolean;
  profileId: string;
  email: string;
  /** User.LastLoginDate: the last successful login; absent when the user never logged in. */
  lastLoginDate?: string;
};

/** What preflight, plan and deploy need to know about one org, read once, read-only. */
export type OrgFacts = {
  /** User permission API name → Setup label, for every permission this org has (describe PermissionSet). */
  permissions: Map<string, string>;
  /** Direct requirements among user permissions, from the Tooling object PermissionDependency. */
  dependencies: Map<string, string[]>;
  userLicenses: UserLicenseFact[];
  permissionSetLicenses: PslFact[];
  profiles: ProfileFact[];
  users: UserFact[];
  /** Permission set API name → Id, for the vendors' permission sets that already exist. */
  permissionSets: Map<string, string>;
  /** Existing assignments of the integration users: userId → permission set ids / PSL ids. */
  assignments: Map<string, Set<string>>;
  pslAssignments: Map<string, Set<string>>;
  /** Login IP ranges per profile id (Reco guide: "Grant Failure Due to Login IP Range"). */
  loginIpRanges: Map<string, Array<{ start: string; end: string }>>;
  /** sObjects the org has (describeGlobal), for object permissions such as the event stores. */
  sobjects: Set<string>;
  /**
   * Event Manager entities the org lists in its RealTimeEventSettings (filled by analyseOrg from a
   * retrieve). Unverified: that a retrieve lists every entity the org offers, enabled or not; probe
   * records what a real org returns.
   */
  realTimeEvents?: string[];
  /**
   * Set when the org is a sandbox (Organization.IsSandbox): the names it may go by, so users copied
   * from production (`<username>.<sandbox name>`, Help: sandbox users) are found and reused.
   */
  sandbox?: { names: string[]; naming: SandboxName[] };
  /** User permissions the deploying user holds (its profile's and assigned permission sets'), if readable. */
  deployerPermissions?: Set<string>;
};

/** Rights whose absence makes a deploy fail half-way; only those this org has are read. */
const DEPLOYER_RIGHTS = [
  'ModifyAllData',
  'ModifyMetadata',
  'CustomizeApplication',
  'ManageUsers',
  'ManageInternalUsers',
  'AssignPermissionSets',
  // What the External Client App types' pages require (componentRights.ts).
  'ExternalClientAppAdmin',
  'ViewClientSecret',
];

/** The deploying user's id when the users query did not find it: the auth record, else userinfo. */
const deployerIdElsewhere = async (connection: Connection): Promise<string | undefined> => {
  const known = connection.getAuthInfoFields().userId;
  if (known) return known;
  const me = await connection.request<{ user_id?: string }>('/services/oauth2/userinfo');
  return me.user_id;
};

/**
 * The deploying user's effective user permissions: the union over the permission sets assigned to
 * it, which include the one its profile owns, in one semi-join query. Undefined when the org does
 * not let it read them.
 */
const deployerRightsQuery = (permissions: Map<string, string>, me: string): { fields: string[]; soql?: string } => {
  const fields = DEPLOYER_RIGHTS.filter((p) => permissions.has(p));
  return {
    fields,
    ...(fields.length
      ? {
          soql: `SELECT Id, ${fields
            .map((f) => `Permissions${f}`)
            .join(
              ', '
            )} FROM PermissionSet WHERE Id IN (SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = ${soqlString(
            me
          )})`,
        }
      : {}),
  };
};

const queryAll = async (connection: Connection, soql: string, tooling = false): Promise<Row[]> => {
  const api = tooling ? connection.tooling : connection;
  const result = await api.query<Row>(soql, { autoFetch: true, maxFetch: 50_000 });
  return result.records;
};

const str = (row: Row, key: string): string => String(row[key] ?? '');
const num = (row: Row, key: string): number => Number(row[key] ?? 0);

// Both name forms are asked for and read as the API name (permissionNames.ts, shared with probe).
const dependencyQuery = (names: string[]): string =>
  `SELECT Permission, RequiredPermission FROM PermissionDependency WHERE PermissionType = 'User Permission' AND RequiredPermissionType = 'User Permission' AND Permission IN ${soqlIn(
    permissionNameForms(names)
  )}`;

/** A dependency row's two names as API names, whichever form the org wrote. */
const edgeOf = (row: Row): [string, string] => [
  plainPermission(str(row, 'Permission')),
  plainPermission(str(row, 'RequiredPermission')),
];

/** `start` and what the static catalogue says they require, transitively: the likely closure. */
const likelyClosure = (start: string[]): string[] => {
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length) {
    const info = PERMISSIONS[queue.shift() as string];
    for (const next of [...(info?.requires ?? []), ...(info?.requiresWhereAvailable ?? [])]) {
      if (!seen.has(next)) {
        queue.push(next);
        seen.add(next);
      }
    }
  }
  return [...seen];
};

/**
 * PermissionDependency, walked from `start` until the closure stops growing: filtering by
 * Permission keeps each answer small (reference B.4: unfiltered reads are capped and duplicated).
 * `prefetched` holds the rows of a first read that asked for `asked` (the start and its likely
 * closure from the static catalogue, read with the other facts); only names outside it cost
 * another round trip. The result is the same map as walking from `start` alone.
 */
const walkDependencies = async (
  connection: Connection,
  start: string[],
  asked: string[],
  prefetched: Row[]
): Promise<Map<string, string[]>> => {
  const edges = new Map<string, string[]>(asked.map((name) => [name, []]));
  for (const row of prefetched) {
    const [from, to] = edgeOf(row);
    edges.get(from)?.push(to);
  }
  const dependencies = new Map<string, string[]>();
  let frontier = [...new Set(start)];
  for (let round = 0; frontier.length && round < 10; round++) {
    const missing = frontier.filter((name) => !edges.has(name));
    if (missing.length) {
      for (const name of missing) edges.set(name, []);
      // eslint-disable-next-line no-await-in-loop -- each round of the closure asks for what the round before found
      for (const row of await queryAll(connection, dependencyQuery(missing), true)) {
        const [from, to] = edgeOf(row);
        edges.get(from)?.push(to);
      }
    }
    for (const name of frontier) if (!dependencies.has(name)) dependencies.set(name, edges.get(name) ?? []);
    frontier = [...new Set(frontier.flatMap((name) => edges.get(name) ?? []))].filter((p) => !dependencies.has(p));
  }
  return dependencies;
};

/** Where a sandbox name came from; `guess` when no field of the org states it. */
export type SandboxName = { name: string; from: string; guess: boolean };

// Labels that end a domain: generic TLDs a company domain commonly ends in; any two-letter label is
// a country code top-level domain.
const GENERIC_TLD = /^(com|org|net|edu|gov|mil|int|io|biz|info|app|dev|cloud|ai|tech|online|site|example|test)$/i;
const COUNTRY = /^[a-z]{2}$/i;

/**
 * The sandbox name a username carries, if it reads as a copied one: `<production username>.<name>`
 * (Help: sandbox users and contacts), so what is left before the name must still end like a domain
 * (`admin@acme.com.uat`, `admin@acme.co.uk.uat`). A username that is only a domain carries none
 * (`admin@acme.de` is not sandbox "de"), nor does a country domain under a second level
 * (`admin@acme.co.uk`); a two-letter name is taken only after a generic TLD (`admin@acme.com.qa`,
 * which may also be a Qatari domain). Always a guess, and said to be one.
 */
const nameInUsername = (username: string): string | undefined => {
  const at = username.lastIndexOf('@');
  if (at < 0) return undefined;
  const labels = username.slice(at + 1).split('.');
  const last = labels.at(-1) ?? '';
  const before = labels.at(-2) ?? '';
  if (labels.length < 3) return undefined;
  // `admin@acme.example.com` is a domain, not `admin@acme.example` copied into sandbox "com": a
  // last label that is one of the original generic TLDs is never read as a sandbox name (a sandbox
  // called "dev" or "test" still is).
  if (/^(com|org|net|edu|gov|mil|int)$/i.test(last)) return undefined;
  if (COUNTRY.test(last) ? !GENERIC_TLD.test(before) : !GENERIC_TLD.test(before) && !COUNTRY.test(before))
    return undefined;
  // Help "Create a Sandbox": up to 10 letters or digits ("starting with a letter" unverified).
  return /^[a-z][a-z0-9]{0,9}$/i.test(last) ? last : undefined;
};

/**
 * The names a sandbox may go by, the org's own answers first: its My Domain URL's
 * `--<name>.sandbox.` part (stated by the org), then, as a guess, the end of a username the org
 * gave or that logged in (a copied admin is `<production username>.<name>`). Organization has no
 * sandbox-name field (unverified for every org: probe records IsSandbox). `deployer` is undefined
 * for an access token: a token is no username, so nothing is read from it.
 */
export const sandboxNaming = (instanceUrl: string, deployer: string | undefined): SandboxName[] => {
  const fromUrl = /--([a-z0-9]+)\.sandbox\./i.exec(instanceUrl)?.[1];
  if (fromUrl) return [{ name: fromUrl, from: 'its My Domain URL', guess: false }];
  const fromUser = deployer ? nameInUsername(deployer) : undefined;
  return fromUser ? [{ name: fromUser, from: `the end of the username ${deployer ?? ''}`, guess: true }] : [];
};

export const sandboxNames = (instanceUrl: string, deployer: string): string[] =>
  sandboxNaming(instanceUrl, deployer).map((n) => n.name);

/** The connected user's username, if the connection has one (an access token has none). */
const deployerUsername = (connection: Connection): string | undefined => {
  const name = connection.getUsername();
  return name?.includes('@') && !isAccessToken(name) ? name : undefined;
};

/**
 * Whether the org is a sandbox (Organization.IsSandbox) and the names it goes by. Without a name in
 * the URL or a username, the token's own user is asked for (userinfo `preferred_username`).
 */
const sandboxFrom = async (connection: Connection, result: BatchResult | undefined): Promise<OrgFacts['sandbox']> => {
  if (!result?.ok || result.rows[0]?.IsSandbox !== true) return undefined;
  const known = deployerUsername(connection);
  let naming = sandboxNaming(connection.instanceUrl, known);
  if (!naming.length && !known) {
    const me = await connection
      .request<{ preferred_username?: string }>('/services/oauth2/userinfo')
      .catch(() => undefined);
    naming = sandboxNaming(connection.instanceUrl, me?.preferred_username).map((n) => ({
      ...n,
      from: `${n.from} (the access token's own user)`,
    }));
  }
  return { names: naming.map((n) => n.name), naming };
};

/** SOQL LIKE text: a string literal whose `%` and `_` match themselves (SOQL reference, LIKE). */
export const soqlLikeEnd = (value: string): string =>
  `'%${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/%/g, '\\%').replace(/_/g, '\\_')}.%'`;

/**
 * A user that is one of `usernames`, or a sandbox copy of one: `<username>.<name>`, with letters and
 * digits prepended or not (Help: sandbox users and contacts). Case-insensitive, as usernames are.
 */
export const isCandidate = (found: string, usernames: string[], names: string[]): boolean => {
  const lower = found.toLowerCase();
  return usernames.some(
    (u) =>
      lower === u.toLowerCase() ||
      names.some((n) => {
        const copy = `${u}.${n}`.toLowerCase();
        return lower.endsWith(copy) && /^[a-z0-9]*$/.test(lower.slice(0, lower.length - copy.length));
      })
  );
};

/**
 * The second round trip: what needs the first one's answers (profiles of the licences, the users'
 * assignments, the deployer's rights, login IP ranges); undefined where there is nothing to ask.
 * Its positions are fixed: readOrgFacts reads the answers by index.
 */
const secondReads = (
  userLicenses: UserLicenseFact[],
  users: UserFact[],
  rights: ReturnType<typeof deployerRightsQuery> | undefined
): Array<BatchRead | undefined> => {
  const userIds = users.map((u) => u.id);
  return [
    userLicenses.length
      ? {
          query: `SELECT Id, Name, UserLicenseId FROM Profile WHERE UserLicenseId IN ${soqlIn(
            userLicenses.map((l) => l.id)
          )}`,
        }
      : undefined,
    userIds.length
      ? {
          query: `SELECT AssigneeId, PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId IN ${soqlIn(
            userIds
          )}`,
        }
      : undefined,
    userIds.length
      ? {
          query: `SELECT AssigneeId, PermissionSetLicenseId FROM PermissionSetLicenseAssign WHERE AssigneeId IN ${soqlIn(
            userIds
          )}`,
        }
      : undefined,
    rights?.soql ? { query: rights.soql } : undefined,
    // Every login IP range of the org (a few per restricted profile), kept for the profiles below:
    // filtering by profile would need the Profile answer first, one more round trip.
    userLicenses.length || users.length
      ? { query: 'SELECT ProfileId, StartAddress, EndAddress FROM LoginIpRange' }
      : undefined,
  ];
};

/** No id, or the org refused the query: unknown (preflight warns). No field to read: none held. */
const deployerPermissionsFrom = (
  rights: ReturnType<typeof deployerRightsQuery> | undefined,
  rightsRows: BatchResult | undefined
): Set<string> | undefined => {
  if (!rights) return undefined;
  if (!rights.soql) return new Set<string>();
  return rightsRows?.ok
    ? new Set(rights.fields.filter((f) => rightsRows.rows.some((r) => r[`Permissions${f}`] === true)))
    : undefined;
};

/**
 * Reads everything the vendors' setup depends on in this org in two composite round trips and a
 * Tooling one (batchRequests.ts), where it once took a request per query: what needs nothing,
 * then what needs those answers. Changes nothing.
 */
export const readOrgFacts = async (
  connection: Connection,
  vendors: Vendor[],
  usernames: string[]
): Promise<OrgFacts> => {
  const ours = vendors.flatMap((v) => Object.values(v.guideRequiredPermissions).flat());
  const licenceNames = vendors.flatMap((v) => (v.user ? [v.user.userLicense] : []));
  const permsetNames = vendors.flatMap((v) => v.permissionSets.map((p) => p.name));
  const dependencySeeds = likelyClosure([...new Set(ours)]);
  // The deploying user's own row comes with the users (its id names its assignments); an access
  // token is no username and is never put in a query.
  const deployer = deployerUsername(connection) ?? '';
  const deployerInQuery = usernames.length > 0 && deployer !== '';

  const first: BatchRead[] = [
    { get: 'sobjects/PermissionSet/describe' },
    { get: 'sobjects' },
    { query: `SELECT Id, Name, TotalLicenses, UsedLicenses FROM UserLicense WHERE Name IN ${soqlIn(licenceNames)}` },
    // All of them (an org has a few dozen): users need PSLs by DeveloperName, permission sets by MasterLabel.
    { query: 'SELECT Id, DeveloperName, MasterLabel, TotalLicenses, UsedLicenses FROM PermissionSetLicense' },
    { query: `SELECT Id, Name FROM PermissionSet WHERE Name IN ${soqlIn(permsetNames)}` },
    { query: dependencyQuery(dependencySeeds), tooling: true },
    ...(usernames.length
      ? [
          { query: 'SELECT IsSandbox FROM Organization' },
          // Whether the org is a sandbox is read in the same round trip as the users, so the users
          // query asks for every copy a sandbox could hold: `<username>.<name>`, or with "some
          // characters and digits" prepended when that was taken (Help: sandbox users and contacts,
          // e.g. 00x7Vquser@acme.com.test); only the names the answer allows are kept.
          {
            query: `SELECT Id, Username, IsActive, ProfileId, Email, LastLoginDate FROM User WHERE Username IN ${soqlIn(
              [...usernames, ...(deployerInQuery ? [deployer] : [])]
            )}${usernames.map((u) => ` OR Username LIKE ${soqlLikeEnd(u)}`).join('')}`,
          },
        ]
      : []),
  ];
  const firstResults = await batchRequests(connection, first);
  const [
    describeResult,
    globalResult,
    licenceResult,
    pslResult,
    permsetResult,
    dependencyResult,
    sandboxResult,
    userResult,
  ] = firstResults;
  const describe = valueOf<{ fields: Array<{ name: string; label: string }> }>(describeResult);
  const permissions = new Map(
    describe.fields
      .filter((f) => f.name.startsWith('Permissions'))
      .map((f) => [f.name.slice('Permissions'.length), f.label])
  );
  const global = valueOf<{ sobjects: Array<{ name: string }> }>(globalResult);
  const licenceRows = rowsOf(licenceResult);
  const pslRows = rowsOf(pslResult);
  const permsetRows = rowsOf(permsetResult);
  const sandbox = await sandboxFrom(connection, sandboxResult);
  const userRows = usernames.length
    ? rowsOf(userResult).filter((r) => isCandidate(str(r, 'Username'), usernames, sandbox?.names ?? []))
    : [];
  const deployerRow =
    deployerInQuery && userResult?.ok
      ? userResult.rows.find((r) => str(r, 'Username').toLowerCase() === deployer.toLowerCase())
      : undefined;
  const me = deployerRow ? str(deployerRow, 'Id') : await deployerIdElsewhere(connection).catch(() => undefined);
  const rights = me ? deployerRightsQuery(permissions, me) : undefined;

  const userLicenses = licenceRows.map((r) => ({
    id: str(r, 'Id'),
    name: str(r, 'Name'),
    total: num(r, 'TotalLicenses'),
    used: num(r, 'UsedLicenses'),
  }));
  const users = userRows.map((r) => ({
    id: str(r, 'Id'),
    username: str(r, 'Username'),
    isActive: r.IsActive === true,
    profileId: str(r, 'ProfileId'),
    email: str(r, 'Email'),
    ...(str(r, 'LastLoginDate') ? { lastLoginDate: str(r, 'LastLoginDate') } : {}),
  }));
  const second = secondReads(userLicenses, users, rights);
  const asked = second.flatMap((read, i) => (read ? [{ read, i }] : []));
  const [secondResults, dependencies] = await Promise.all([
    batchRequests(
      connection,
      asked.map((a) => a.read)
    ),
    walkDependencies(
      connection,
      [...new Set(ours.filter((p) => permissions.has(p)))],
      dependencySeeds,
      rowsOf(dependencyResult)
    ),
  ]);
  const answer = (i: number): BatchResult | undefined => secondResults[asked.findIndex((a) => a.i === i)];
  const profileRows = second[0] ? rowsOf(answer(0)) : [];
  const assignmentRows = second[1] ? rowsOf(answer(1)) : [];
  const pslAssignmentRows = second[2] ? rowsOf(answer(2)) : [];
  // Login IP ranges of every profile an integration user has or would get (Reco: "Grant Failure Due to Login IP Range").
  const profileIds = new Set([...profileRows.map((r) => str(r, 'Id')), ...users.map((u) => u.profileId)]);
  const ipRows = second[4] ? rowsOf(answer(4)).filter((r) => profileIds.has(str(r, 'ProfileId'))) : [];
  const deployerPermissions = deployerPermissionsFrom(rights, second[3] ? answer(3) : undefined);
  const group = (rows: Row[], key: string, value: string): Map<string, Set<string>> => {
    const map = new Map<string, Set<string>>();
    for (const row of rows) map.set(str(row, key), (map.get(str(row, key)) ?? new Set()).add(str(row, value)));
    return map;
  };
  const loginIpRanges = new Map<string, Array<{ start: string; end: string }>>();
  for (const row of ipRows)
    loginIpRanges.set(str(row, 'ProfileId'), [
      ...(loginIpRanges.get(str(row, 'ProfileId')) ?? []),
      { start: str(row, 'StartAddress'), end: str(row, 'EndAddress') },
    ]);
  return {
    permissions,
    dependencies,
    userLicenses,
    permissionSetLicenses: pslRows.map((r) => ({
      id: str(r, 'Id'),
      developerName: str(r, 'DeveloperName'),
      masterLabel: str(r, 'MasterLabel'),
      total: num(r, 'TotalLicenses'),
      used: num(r, 'UsedLicenses'),
    })),
    profiles: profileRows.map((r) => ({
      id: str(r, 'Id'),
      name: str(r, 'Name'),
      userLicenseId: str(r, 'UserLicenseId'),
    })),
    users,
    permissionSets: new Map(permsetRows.map((r) => [str(r, 'Name'), str(r, 'Id')])),
    assignments: group(assignmentRows, 'AssigneeId', 'PermissionSetId'),
    pslAssignments: group(pslAssignmentRows, 'AssigneeId', 'PermissionSetLicenseId'),
    loginIpRanges,
    sobjects: new Set(global.sobjects.map((s) => s.name)),
    ...(deployerPermissions ? { deployerPermissions } : {}),
    ...(sandbox ? { sandbox } : {}),
  };
};
