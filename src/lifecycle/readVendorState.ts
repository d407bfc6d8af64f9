import type { Connection } from '@salesforce/core';
import { soqlString } from '../org/read';
import { findAppPolicy, AppPolicy } from './appPolicy';
import type { VendorFootprint } from './footprint';

/**
 * One OAuth authorisation. No id: OauthToken.Id is "Reserved for future use. Currently, the value is
 * always null" (Object Reference, OauthToken), so a token is named by its app and dates.
 */
export type TokenFact = {
  app: string;
  deleteToken: string;
  created: string;
  lastUsed: string;
  useCount: number;
};
export type VendorUserState = {
  id: string;
  isActive: boolean;
  userLoginId: string;
  isFrozen: boolean;
  tokens: TokenFact[];
  sessions: string[];
};
/** What the org holds now for one vendor's access: its user (if any) and its app's enabled switch. */
export type VendorState = { footprint: VendorFootprint; user?: VendorUserState; app?: AppPolicy };

type Row = Record<string, unknown>;
const str = (row: Row | undefined, key: string): string => String(row?.[key] ?? '');

const queryAll = async (connection: Connection, soql: string): Promise<Row[]> =>
  (await connection.query<Row>(soql, { autoFetch: true, maxFetch: 50_000 })).records;

/**
 * Reads the integration user, its UserLogin (freeze), OAuth tokens and sessions, and the vendor
 * app's policy. Read-only. OauthToken is visible for every user only to a user with Customize
 * Application (Object Reference); a query returns at most 2,500 rows through queryMore, which
 * autoFetch follows.
 */
export const readVendorState = async (connection: Connection, footprint: VendorFootprint): Promise<VendorState> => {
  const [userRows, app] = await Promise.all([
    footprint.hasUser
      ? queryAll(
          connection,
          `SELECT Id, Username, IsActive FROM User WHERE Username = ${soqlString(footprint.username)}`
        )
      : Promise.resolve([]),
    footprint.app ? findAppPolicy(connection, footprint.app) : Promise.resolve(undefined),
  ]);
  const userRow = userRows[0];
  if (!userRow) return { footprint, ...(app ? { app } : {}) };
  const id = str(userRow, 'Id');
  const [logins, tokens, sessions] = await Promise.all([
    queryAll(connection, `SELECT Id, UserId, IsFrozen FROM UserLogin WHERE UserId = ${soqlString(id)}`),
    queryAll(
      connection,
      `SELECT AppName, DeleteToken, CreatedDate, LastUsedDate, UseCount FROM OauthToken WHERE UserId = ${soqlString(
        id
      )}`
    ),
    queryAll(connection, `SELECT Id, UsersId FROM AuthSession WHERE UsersId = ${soqlString(id)}`),
  ]);
  return {
    footprint,
    user: {
      id,
      isActive: userRow.IsActive === true,
      userLoginId: str(logins[0], 'Id'),
      isFrozen: logins[0]?.IsFrozen === true,
      tokens: tokens.map((t) => ({
        app: str(t, 'AppName'),
        deleteToken: str(t, 'DeleteToken'),
        created: str(t, 'CreatedDate'),
        lastUsed: str(t, 'LastUsedDate'),
        useCount: Number(t.UseCount ?? 0),
      })),
      sessions: sessions.map((s) => str(s, 'Id')),
    },
    ...(app ? { app } : {}),
  };
};
