import crypto from 'node:crypto';
import { licenceOfProfile, takeSeat } from './licences';
import { newId, OrgState, Row, rows } from './orgState';
import { RestError } from './soql';

/**
 * What happens to a vendor after onboarding, as an org answers it (reference org-behaviour.md,
 * "Tokens, sessions, logins"):
 * - every user has one UserLogin row; `IsFrozen` freezes it (only IsFrozen and IsPasswordLocked update);
 * - OauthToken supports describe and query only; a token is revoked by POSTing its DeleteToken to
 * /services/oauth2/revoke (200; 400 invalid_token for a token the org does not know);
 * - AuthSession supports query and delete (`UsersId` is the user);
 * - LoginHistory is query only;
 * - PermissionSetAssignment and PermissionSetLicenseAssign support delete;
 * - a user is deactivated (IsActive false), never deleted: Users cannot be deleted over the API.
 * A method a resource does not allow answers 405 METHOD_NOT_ALLOWED "HTTP Method 'X' not allowed.
 * Allowed are …" (Salesforce's REST wording, seen in public issue threads); which methods a
 * query-only object's record resource allows is unverified (HEAD,GET taken). Unverified too: the
 * revoke endpoint's invalid_token description.
 */

const QUERY_ONLY = new Set(['OauthToken', 'LoginHistory', 'UserLogin']);
const DELETABLE = new Set(['AuthSession', 'PermissionSetAssignment', 'PermissionSetLicenseAssign']);
const USER_LOGIN_UPDATABLE = new Set(['IsFrozen', 'IsPasswordLocked']);

const notAllowed = (method: string, allowed: string): RestError =>
  new RestError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are ${allowed}`);

/** One UserLogin row per user, created the first time the org is asked (Salesforce keeps it with the user). */
export const syncUserLogins = (state: OrgState): void => {
  const logins = rows(state, 'UserLogin');
  for (const user of rows(state, 'User')) {
    if (!logins.some((l) => l.UserId === user.Id))
      logins.push({
        Id: newId('060'),
        UserId: user.Id ?? null,
        IsFrozen: false,
        IsPasswordLocked: false,
        LastModifiedDate: new Date().toISOString(),
      });
  }
  for (const object of ['OauthToken', 'AuthSession', 'LoginHistory']) rows(state, object);
  // EventLogFile exists where the org has Event Monitoring (its permission View Event Log Files is the sign).
  if ('ViewEventLogFiles' in state.shape.permissions) rows(state, 'EventLogFile');
};

/** The CSV bodies of event log files, by EventLogFile id (GET /sobjects/EventLogFile/<id>/LogFile). */
const logFiles = new WeakMap<OrgState, Map<string, string>>();

/** A day's event log file, e.g. EventType API with the rows Event Monitoring writes (USER_ID is the 15-character id). */
export const seedEventLog = (
  state: OrgState,
  file: { EventType: string; LogDate: string; rows: Array<{ username: string; count: number }> }
): Row => {
  const lines = ['"EVENT_TYPE","TIMESTAMP","USER_ID","URI","CLIENT_IP"'];
  for (const r of file.rows)
    for (let i = 0; i < r.count; i++)
      lines.push(
        `"${file.EventType}","${file.LogDate.slice(0, 10).replace(/-/g, '')}000000.000","${userId(
          state,
          r.username
        ).slice(0, 15)}","/services/data/v64.0/query","18.98.16.170"`
      );
  const csv = `${lines.join('\n')}\n`;
  const row: Row = {
    Id: newId('0AT'),
    EventType: file.EventType,
    LogDate: file.LogDate,
    LogFileLength: csv.length,
    Interval: 'Daily',
  };
  rows(state, 'EventLogFile').push(row);
  const files = logFiles.get(state) ?? new Map<string, string>();
  files.set(String(row.Id), csv);
  logFiles.set(state, files);
  return row;
};

export const logFileBody = (state: OrgState, id: string): string | undefined => logFiles.get(state)?.get(id);

const userId = (state: OrgState, username: string): string => {
  const user = rows(state, 'User').find((u) => String(u.Username).toLowerCase() === username.toLowerCase());
  if (!user) throw new Error(`no user ${username} in the simulated org`);
  return String(user.Id);
};

/** An OAuth authorisation the user granted to an app (what a consent or a refresh-token flow leaves). */
export const seedOauthToken = (
  state: OrgState,
  username: string,
  token: { AppName: string; CreatedDate?: string; LastUsedDate?: string; UseCount?: number }
): Row => {
  const row: Row = {
    // Object Reference, OauthToken.Id: "Reserved for future use. Currently, the value is always null."
    Id: null,
    UserId: userId(state, username),
    AppName: token.AppName,
    AppMenuItemId: null,
    DeleteToken: crypto.randomBytes(18).toString('base64url'),
    CreatedDate: token.CreatedDate ?? new Date(Date.now() - 30 * 86_400_000).toISOString(),
    LastUsedDate: token.LastUsedDate ?? new Date().toISOString(),
    UseCount: token.UseCount ?? 1,
  };
  rows(state, 'OauthToken').push(row);
  return row;
};

export const seedSession = (
  state: OrgState,
  username: string,
  session: { SourceIp?: string; SessionType?: string; LoginType?: string } = {}
): Row => {
  const row: Row = {
    Id: newId('0Ak'),
    UsersId: userId(state, username),
    SessionType: session.SessionType ?? 'Oauth2',
    LoginType: session.LoginType ?? 'Remote Access 2.0',
    SourceIp: session.SourceIp ?? '18.98.16.170',
    CreatedDate: new Date().toISOString(),
    LastModifiedDate: new Date().toISOString(),
    NumSecondsValid: 7200,
  };
  rows(state, 'AuthSession').push(row);
  return row;
};

export const seedLogin = (
  state: OrgState,
  username: string,
  login: { LoginTime: string; SourceIp: string; Status?: string; Application?: string; LoginType?: string }
): Row => {
  const row: Row = {
    Id: newId('0Ya'),
    UserId: userId(state, username),
    LoginTime: login.LoginTime,
    SourceIp: login.SourceIp,
    Status: login.Status ?? 'Success',
    Application: login.Application ?? 'ISPM SFDC Integration',
    LoginType: login.LoginType ?? 'Remote Access 2.0',
  };
  rows(state, 'LoginHistory').push(row);
  // A successful login is also the user's LastLoginDate (User: "The date and time when the user last successfully logged in").
  const user = rows(state, 'User').find((u) => u.Id === row.UserId);
  if (user && row.Status === 'Success' && String(user.LastLoginDate ?? '') < String(row.LoginTime))
    user.LastLoginDate = login.LoginTime;
  return row;
};

/** POST/GET /services/oauth2/revoke?token=…: the DeleteToken's authorisation is gone afterwards. */
export const revokeToken = (state: OrgState, token: string): { status: number; body: string } => {
  const tokens = rows(state, 'OauthToken');
  const index = tokens.findIndex((t) => t.DeleteToken === token);
  if (!token || index < 0)
    return { status: 400, body: JSON.stringify({ error: 'invalid_token', error_description: 'invalid token' }) };
  tokens.splice(index, 1);
  return { status: 200, body: '' };
};

/**
 * sObject update/delete rules of the lifecycle objects. Returns undefined when the request is not
 * one of them (the server's generic handling answers it); throws RestError as the org would refuse.
 */
// eslint-disable-next-line complexity -- a router: one branch per lifecycle sObject request the org answers
export const lifecycleRecordRequest = (
  state: OrgState,
  method: string,
  object: string,
  id: string,
  body: Record<string, unknown>
): { status: number } | undefined => {
  if (QUERY_ONLY.has(object) && object !== 'UserLogin' && method !== 'GET') throw notAllowed(method, 'HEAD,GET');
  if (object === 'UserLogin' && (method === 'POST' || method === 'DELETE')) throw notAllowed(method, 'HEAD,GET,PATCH');
  if (object === 'UserLogin' && method === 'PATCH') {
    const row = rows(state, 'UserLogin').find((r) => r.Id === id);
    if (!row) throw new RestError(404, 'NOT_FOUND', 'The requested resource does not exist');
    for (const field of Object.keys(body))
      if (!USER_LOGIN_UPDATABLE.has(field))
        throw new RestError(
          400,
          'INVALID_FIELD_FOR_INSERT_UPDATE',
          `Unable to create/update fields: ${field}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`
        );
    Object.assign(row, body, { LastModifiedDate: new Date().toISOString() });
    return { status: 204 };
  }
  if (object === 'User' && method === 'DELETE') throw notAllowed(method, 'HEAD,GET,PATCH');
  if (object === 'User' && method === 'PATCH' && 'IsActive' in body) {
    const user = rows(state, 'User').find((r) => r.Id === id);
    if (!user) throw new RestError(404, 'NOT_FOUND', 'The requested resource does not exist');
    const licence = licenceOfProfile(state, user.ProfileId);
    const active = body.IsActive === true;
    if (licence && active && user.IsActive !== true) takeSeat(licence, licence.Name);
    if (licence && !active && user.IsActive === true)
      licence.UsedLicenses = Math.max(0, Number(licence.UsedLicenses) - 1);
    Object.assign(user, body);
    return { status: 204 };
  }
  if (method === 'DELETE') {
    if (!DELETABLE.has(object)) throw notAllowed(method, 'HEAD,GET,PATCH');
    const table = rows(state, object);
    const index = table.findIndex((r) => r.Id === id);
    if (index < 0) throw new RestError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
    const [removed] = table.splice(index, 1);
    if (object === 'PermissionSetLicenseAssign') {
      const psl = rows(state, 'PermissionSetLicense').find((p) => p.Id === removed?.PermissionSetLicenseId);
      if (psl) psl.UsedLicenses = Math.max(0, Number(psl.UsedLicenses) - 1);
    }
    return { status: 204 };
  }
  return undefined;
};

/** A frozen user cannot log in (Help: "Freeze or Unfreeze User Accounts"). */
export const isFrozen = (state: OrgState, userIdValue: unknown): boolean =>
  rows(state, 'UserLogin').some((l) => l.UserId === userIdValue && l.IsFrozen === true);
