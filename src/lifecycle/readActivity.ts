import type { Connection } from '@salesforce/core';
import { checkRange, parseIp } from '../network';
import { soqlString } from '../org/read';
import type { VendorFootprint } from './footprint';
import { readVendorState, TokenFact } from './readVendorState';

export type LoginFact = {
  time: string;
  sourceIp: string;
  status: string;
  application: string;
  loginType: string;
  outsideRanges: boolean;
};
export type ApiVolume =
  | { available: true; requests: number; days: number; eventTypes: string[] }
  | { available: false; why: string };
export type VendorActivity = {
  vendor: string;
  username: string;
  since: string;
  userFound: boolean;
  /** False when the vendor has no trusted ranges to compare with (e.g. Reco before its values are set). */
  rangesKnown: boolean;
  logins: LoginFact[];
  tokens: TokenFact[];
  /** False when the connected user lacks Customize Application and so sees none of the vendor's tokens. */
  tokensVisible: boolean;
  api: ApiVolume;
};

type Row = Record<string, unknown>;
const str = (row: Row, key: string): string => String(row[key] ?? '');

/** Whether an address lies in any of the vendor's ranges, compared by value (2001:DB8::1 is 2001:db8::1). */
export const insideRanges = (address: string, footprint: VendorFootprint): boolean => {
  const ip = parseIp(address);
  if (!ip) return false;
  return footprint.ranges.some((r) => {
    const range = checkRange(r.start, r.end);
    return (
      range.ok &&
      range.range.start.family === ip.family &&
      range.range.start.value <= ip.value &&
      ip.value <= range.range.end.value
    );
  });
};

// API event types of Event Monitoring's log files (Object Reference, EventLogFile EventType values).
const API_EVENT_TYPES = ['API', 'RestApi', 'BulkApi'];

/**
 * API requests by the user, counted from the Event Monitoring log files of the period: each file's
 * CSV has a USER_ID column (15-character id). Where the org has no Event Monitoring, EventLogFile
 * answers INVALID_TYPE (or holds none of these types) and the volume is reported as not available.
 */
const readApiVolume = async (connection: Connection, userId: string, since: string): Promise<ApiVolume> => {
  let files: Row[];
  try {
    files = (
      await connection.query<Row>(
        `SELECT Id, EventType, LogDate FROM EventLogFile WHERE LogDate >= ${since} AND EventType IN (${API_EVENT_TYPES.map(
          soqlString
        ).join(', ')})`,
        { autoFetch: true }
      )
    ).records;
  } catch (err) {
    if (
      /INVALID_TYPE|not supported/i.test(`${(err as { errorCode?: string }).errorCode ?? ''} ${(err as Error).message}`)
    )
      return { available: false, why: 'this org has no Event Monitoring (no EventLogFile)' };
    throw err;
  }
  if (!files.length)
    return { available: false, why: 'no API event log files for the period (Event Monitoring writes them daily)' };
  const short = userId.slice(0, 15);
  let requests = 0;
  for (const file of files) {
    // jsforce parses a text/csv body into one object per row.
    // eslint-disable-next-line no-await-in-loop -- one event log file at a time: each body can be large
    const body = await connection.request<unknown>(
      `/services/data/v${connection.getApiVersion()}/sobjects/EventLogFile/${str(file, 'Id')}/LogFile`
    );
    const rows = Array.isArray(body) ? (body as Row[]) : [];
    requests += rows.filter((row) => str(row, 'USER_ID').slice(0, 15) === short).length;
  }
  return {
    available: true,
    requests,
    days: new Set(files.map((f) => str(f, 'LogDate').slice(0, 10))).size,
    eventTypes: [...new Set(files.map((f) => str(f, 'EventType')))],
  };
};

/** "What did this vendor do in this org": its user's logins since `since`, its OAuth tokens, its API volume. Read-only. */
export const readActivity = async (
  connection: Connection,
  footprint: VendorFootprint,
  since: string,
  tokensVisible = true
): Promise<VendorActivity> => {
  // The app's enabled switch is not activity: read the user's side only.
  const userSide: VendorFootprint = { ...footprint };
  delete userSide.app;
  const state = await readVendorState(connection, userSide);
  const base = {
    vendor: footprint.vendor,
    username: footprint.username,
    since,
    rangesKnown: footprint.ranges.length > 0,
    tokensVisible,
  };
  if (!state.user)
    return {
      ...base,
      userFound: false,
      logins: [],
      tokens: [],
      api: {
        available: false,
        why: footprint.hasUser
          ? footprint.userMissing ?? 'no such user in this org'
          : 'the vendor has no integration user of its own',
      },
    };
  const rows = (
    await connection.query<Row>(
      `SELECT LoginTime, SourceIp, Status, Application, LoginType FROM LoginHistory WHERE UserId = ${soqlString(
        state.user.id
      )} AND LoginTime >= ${since} ORDER BY LoginTime DESC`,
      { autoFetch: true, maxFetch: 50_000 }
    )
  ).records;
  const logins = rows.map((r) => ({
    time: str(r, 'LoginTime'),
    sourceIp: str(r, 'SourceIp'),
    status: str(r, 'Status'),
    application: str(r, 'Application'),
    loginType: str(r, 'LoginType'),
    outsideRanges: base.rangesKnown && !insideRanges(str(r, 'SourceIp'), footprint),
  }));
  return {
    ...base,
    userFound: true,
    logins,
    tokens: state.user.tokens,
    api: await readApiVolume(connection, state.user.id, since),
  };
};
