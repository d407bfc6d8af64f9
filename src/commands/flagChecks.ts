import path from 'node:path';
import { loadMessages } from '../messages';

const messages = loadMessages('orgFlags');

/** At most this many orgs at once: each holds a deploy, a retrieve and a connection. Our bound, not Salesforce's. */
export const MAX_CONCURRENCY = 16;

// A Metadata API deploy (AsyncResult) id: key prefix 0Af, 15 or 18 characters (the sf CLI's
// `project deploy resume --job-id 0Af0x000017yLUFCA2` examples).
const DEPLOY_ID = /^0Af[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?$/;

/** `--concurrency`: a whole number from 1 to MAX_CONCURRENCY, read from the text as typed. */
export const checkConcurrency = (given: unknown): number => {
  const text = String(given ?? '').trim();
  const value = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value) || value < 1 || value > MAX_CONCURRENCY) {
    throw messages.createError('error.BadConcurrency', [text.slice(0, 20), MAX_CONCURRENCY]);
  }
  return value;
};

// C0 and C1 control characters, DEL, and the invisible or bidirectional formatting marks (U+200B–U+200F,
// U+202A–U+202E, U+2066–U+2069, U+FEFF): none is part of an alias, a username or an access token,
// and a newline would let a value forge lines of our output.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

/** A code point as a person can look it up: `U+000A`. */
const codePoint = (ch: string): string => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * `--target-org`: given at least once when the flag is there (`-o` with no value, or an unquoted
 * empty `$ORG`, is refused: no org means nothing checked), each non-empty, not `-` (no org is read
 * from standard input), no control or invisible character, none named twice (usernames compared
 * without case). Two lanes on one org would deploy and create users in it twice at once.
 */
export const checkTargetOrgs = (values: unknown): string[] => {
  const list = (Array.isArray(values) ? values : [values]).map((v) => String(v ?? ''));
  if (!list.length) throw messages.createError('error.TargetOrgWithoutValue');
  const seen = new Set<string>();
  for (const value of list) {
    if (!value.trim()) throw messages.createError('error.EmptyTargetOrg');
    if (value.trim() === '-') throw messages.createError('error.TargetOrgDash');
    const bad = UNPRINTABLE.exec(value);
    if (bad) throw messages.createError('error.TargetOrgUnprintable', [codePoint(bad[0])]);
    const key = value.trim().toLowerCase();
    if (seen.has(key))
      throw messages.createError('error.DuplicateTargetOrg', [value.includes('!') ? 'an access token' : value]);
    seen.add(key);
  }
  return list.map((v) => v.trim());
};

/** `--values` is read from where the user stands, like any path typed on a command line. */
export const resolveValuesPath = (value: unknown, cwd = process.cwd()): string => {
  if (typeof value !== 'string' || !value.trim()) throw messages.createError('error.EmptyValuesPath');
  return path.resolve(cwd, value);
};

/** `--resume`: a deploy id as the org returned it, for exactly one org (the one it ran in). */
export const checkDeployId = (value: unknown, targetOrgs: string[]): string => {
  const text = String(value ?? '').trim();
  if (!DEPLOY_ID.test(text))
    throw messages.createError('error.BadDeployId', [text.replace(/[^\w.-]/g, '?').slice(0, 40)]);
  if (targetOrgs.length !== 1) throw messages.createError('error.ResumeOneOrg', [targetOrgs.length]);
  return text;
};

/** A path flag given as `''` (an unset shell variable) must not silently mean "not given". */
export const checkPathFlag = (flag: string, value: unknown): string => {
  if (typeof value !== 'string' || !value.trim()) throw messages.createError('error.EmptyPathFlag', [flag]);
  return value;
};

/** `--wait` in minutes, read from the text as typed: above 0 and at most a day. */
export const checkWaitMinutes = (given: unknown): number => {
  const text = String(given ?? '').trim();
  const value = /^\d{1,4}(?:\.\d{1,12})?$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value) || value <= 0 || value > 1440)
    throw messages.createError('error.BadWait', [text.slice(0, 20)]);
  return value;
};

/** A count of days given as a flag (`--cert-warn-days`, `--warn-days`): a whole number from 0 to 100000. */
export const checkDaysFlag = (flag: string, given: unknown): number => {
  const text = String(given ?? '').trim();
  const value = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value) || value > 100_000)
    throw messages.createError('error.BadDays', [flag, text.slice(0, 20)]);
  return value;
};

/** A text flag given as `''` is refused rather than read as "not given". */
export const checkTextFlag = (flag: string, value: unknown): string => {
  if (typeof value !== 'string' || !value.trim()) throw messages.createError('error.EmptyFlag', [flag]);
  return value.trim();
};

/** A URL flag (`--login-url`): an http(s) URL with a host, nothing after it but an optional `/`. */
export const checkUrlFlag = (flag: string, value: unknown): string => {
  const text = checkTextFlag(flag, value);
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    !/^https?:$/.test(url.protocol) ||
    !url.hostname ||
    url.search ||
    url.hash ||
    !/^\/?$/.test(url.pathname)
  ) {
    throw messages.createError('error.BadUrlFlag', [flag, text.replace(/[^\w.:/-]/g, '?').slice(0, 80)]);
  }
  return url.origin;
};
