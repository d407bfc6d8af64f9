import type { Connection } from '@salesforce/core';
import type { Vendor } from '../catalogue';
import { soqlIn } from './soql';

export type UserLicenseFact = { id: string; name: string; total: number; used: number };
export type PslFact = { id: string; developerName: string; masterLabel: string; total: number; used: number };
export type ProfileFact = { id: string; name: string; userLicenseId: string };
export type UserFact = { id: string; username: string; isActive: boolean; profileId: string; email: string };

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
  sandbox?: { names: string[] };
  /** User permissions the deploying user holds (its profile's and assigned permission sets'), if readable. */
  deployerPermissions?: Set<string>;
};

/** Rights whose absence makes a deploy fail half-way; only those this org has are read. */
const DEPLOYER_RIGHTS = ['ModifyAllData', 'ModifyMetadata', 'CustomizeApplication', 'ManageUsers', 'ManageInternalUsers', 'AssignPermissionSets'];

/**
 * The deploying user's effective user permissions: the union over its PermissionSetAssignments,
 * which include the permission set its profile owns. Undefined when the org does not let it read them.
 */
const readDeployerPermissions = async (connection: Connection, permissions: Map<string, string>): Promise<Set<string> | undefined> => {
  try {
    const me = await connection.request<{ user_id?: string }>('/services/oauth2/userinfo');
    if (!me.user_id) return undefined;
    const sets = await queryAll(connection, `SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId IN ${soqlIn([me.user_id])}`);
    const fields = DEPLOYER_RIGHTS.filter((p) => permissions.has(p));
    if (!sets.length || !fields.length) return new Set();
    const rows = await queryAll(connection, `SELECT Id, ${fields.map((f) => `Permissions${f}`).join(', ')} FROM PermissionSet WHERE Id IN ${soqlIn(sets.map((r) => str(r, 'PermissionSetId')))}`);
    return new Set(fields.filter((f) => rows.some((r) => r[`Permissions${f}`] === true)));
  } catch {
    return undefined;
  }
};

type Row = Record<string, unknown>;

const queryAll = async (connection: Connection, soql: string, tooling = false): Promise<Row[]> => {
  const api = tooling ? connection.tooling : connection;
  const result = await api.query<Row>(soql, { autoFetch: true, maxFetch: 50_000 });
  return result.records;
};

const str = (row: Row, key: string): string => String(row[key] ?? '');
const num = (row: Row, key: string): number => Number(row[key] ?? 0);

/**
 * PermissionDependency, walked until the closure stops growing: filtering by Permission keeps each
 * answer small (reference B.4: unfiltered reads are capped and duplicated).
 */
const readDependencies = async (connection: Connection, start: string[]): Promise<Map<string, string[]>> => {
  const dependencies = new Map<string, string[]>();
  let frontier = [...new Set(start)];
  for (let round = 0; frontier.length && round < 10; round++) {
    const rows = await queryAll(
      connection,
      `SELECT Permission, RequiredPermission FROM PermissionDependency WHERE PermissionType = 'User Permission' AND RequiredPermissionType = 'User Permission' AND Permission IN ${soqlIn(frontier)}`,
      true,
    );
    for (const name of frontier) if (!dependencies.has(name)) dependencies.set(name, []);
    for (const row of rows) dependencies.get(str(row, 'Permission'))?.push(str(row, 'RequiredPermission'));
    frontier = [...new Set(rows.map((r) => str(r, 'RequiredPermission')))].filter((p) => !dependencies.has(p));
  }
  return dependencies;
};

/** Reads everything the vendors' setup depends on in this org. Changes nothing. */
/**
 * The names a sandbox may go by: its My Domain URL's `--<name>.sandbox.` part, and the last part of
 * the deploying user's own username (a copied admin is `<production username>.<name>`). Neither is
 * a documented field; Organization has no sandbox-name field (unverified for every org: probe records IsSandbox).
 */
export const sandboxNames = (instanceUrl: string, deployer: string): string[] => {
  const fromUrl = /--([a-z0-9]+)\.sandbox\./i.exec(instanceUrl)?.[1];
  const fromUser = /\.([a-z0-9]+)$/i.exec(deployer)?.[1];
  return [...new Set([fromUrl, fromUser].filter((n): n is string => Boolean(n) && !/^(com|org|net|io|example)$/i.test(n as string)))];
};

const readSandbox = async (connection: Connection): Promise<OrgFacts['sandbox']> => {
  try {
    const rows = await queryAll(connection, 'SELECT IsSandbox FROM Organization');
    if (rows[0]?.IsSandbox !== true) return undefined;
    return { names: sandboxNames(connection.instanceUrl, connection.getUsername() ?? '') };
  } catch {
    return undefined;
  }
};

export const readOrgFacts = async (connection: Connection, vendors: Vendor[], usernames: string[]): Promise<OrgFacts> => {
  const describe = await connection.describe('PermissionSet');
  const permissions = new Map(describe.fields.filter((f) => f.name.startsWith('Permissions')).map((f) => [f.name.slice('Permissions'.length), f.label]));
  const ours = vendors.flatMap((v) => Object.values(v.guideRequiredPermissions).flat());
  const licenceNames = vendors.map((v) => v.user.userLicense);
  const permsetNames = vendors.flatMap((v) => v.permissionSets.map((p) => p.name));

  const sandbox = usernames.length ? await readSandbox(connection) : undefined;
  const candidates = [...usernames, ...usernames.flatMap((u) => (sandbox?.names ?? []).map((n) => `${u}.${n}`))];
  const [dependencies, licenceRows, pslRows, userRows, permsetRows, global, deployerPermissions] = await Promise.all([
    readDependencies(connection, ours.filter((p) => permissions.has(p))),
    queryAll(connection, `SELECT Id, Name, TotalLicenses, UsedLicenses FROM UserLicense WHERE Name IN ${soqlIn(licenceNames)}`),
    // All of them (an org has a few dozen): users need PSLs by DeveloperName, permission sets by MasterLabel.
    queryAll(connection, 'SELECT Id, DeveloperName, MasterLabel, TotalLicenses, UsedLicenses FROM PermissionSetLicense'),
    candidates.length ? queryAll(connection, `SELECT Id, Username, IsActive, ProfileId, Email FROM User WHERE Username IN ${soqlIn(candidates)}`) : Promise.resolve([]),
    queryAll(connection, `SELECT Id, Name FROM PermissionSet WHERE Name IN ${soqlIn(permsetNames)}`),
    connection.describeGlobal(),
    readDeployerPermissions(connection, permissions),
  ]);
  const userLicenses = licenceRows.map((r) => ({ id: str(r, 'Id'), name: str(r, 'Name'), total: num(r, 'TotalLicenses'), used: num(r, 'UsedLicenses') }));
  const profileRows = userLicenses.length ? await queryAll(connection, `SELECT Id, Name, UserLicenseId FROM Profile WHERE UserLicenseId IN ${soqlIn(userLicenses.map((l) => l.id))}`) : [];
  const users = userRows.map((r) => ({ id: str(r, 'Id'), username: str(r, 'Username'), isActive: r.IsActive === true, profileId: str(r, 'ProfileId'), email: str(r, 'Email') }));
  const userIds = users.map((u) => u.id);
  // Login IP ranges of every profile an integration user has or would get (Reco: "Grant Failure Due to Login IP Range").
  const profileIds = [...new Set([...profileRows.map((r) => str(r, 'Id')), ...users.map((u) => u.profileId)])];
  const [assignmentRows, pslAssignmentRows, ipRows] = await Promise.all([
    userIds.length ? queryAll(connection, `SELECT AssigneeId, PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId IN ${soqlIn(userIds)}`) : Promise.resolve([]),
    userIds.length ? queryAll(connection, `SELECT AssigneeId, PermissionSetLicenseId FROM PermissionSetLicenseAssign WHERE AssigneeId IN ${soqlIn(userIds)}`) : Promise.resolve([]),
    profileIds.length ? queryAll(connection, `SELECT ProfileId, StartAddress, EndAddress FROM LoginIpRange WHERE ProfileId IN ${soqlIn(profileIds)}`) : Promise.resolve([]),
  ]);
  const group = (rows: Row[], key: string, value: string): Map<string, Set<string>> => {
    const map = new Map<string, Set<string>>();
    for (const row of rows) map.set(str(row, key), (map.get(str(row, key)) ?? new Set()).add(str(row, value)));
    return map;
  };
  const loginIpRanges = new Map<string, Array<{ start: string; end: string }>>();
  for (const row of ipRows) loginIpRanges.set(str(row, 'ProfileId'), [...(loginIpRanges.get(str(row, 'ProfileId')) ?? []), { start: str(row, 'StartAddress'), end: str(row, 'EndAddress') }]);
  return {
    permissions,
    dependencies,
    userLicenses,
    permissionSetLicenses: pslRows.map((r) => ({ id: str(r, 'Id'), developerName: str(r, 'DeveloperName'), masterLabel: str(r, 'MasterLabel'), total: num(r, 'TotalLicenses'), used: num(r, 'UsedLicenses') })),
    profiles: profileRows.map((r) => ({ id: str(r, 'Id'), name: str(r, 'Name'), userLicenseId: str(r, 'UserLicenseId') })),
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

