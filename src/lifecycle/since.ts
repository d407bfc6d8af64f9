import { loadMessages, echo } from '../messages';

const messages = loadMessages('lifecycle');

const ISO = /^(\d{4})-(\d{2})-(\d{2})(T(\d{2}):(\d{2})(:(\d{2})(\.\d{1,3})?)?Z?)?$/;

/**
 * An ISO date or UTC date-time that names a real calendar instant: `new Date('2026-02-30')` rolls
 * over to March 2nd, so the parts are read back and compared. Undefined when it is not one.
 */
const calendarDate = (text: string): Date | undefined => {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[5], m[6], m[8]].map((p) => Number(p ?? 0));
  const at = new Date(
    Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0) +
      Math.round(Number(m[9] ?? 0) * 1000)
  );
  const same =
    at.getUTCFullYear() === year &&
    at.getUTCMonth() + 1 === month &&
    at.getUTCDate() === day &&
    at.getUTCHours() === hour &&
    at.getUTCMinutes() === minute &&
    at.getUTCSeconds() === second;
  return same ? at : undefined;
};

/**
 * `--since`: `7d`, `12h`, or an ISO date (date-times are UTC); the instant it names, as a SOQL
 * datetime literal (UTC). A date that does not exist (2026-02-30) or lies in the future (nothing can
 * have happened since) is refused, as is anything else.
 *
 * @throws BadSinceError, SinceInFutureError
 */
export const parseSince = (text: string, now: Date = new Date()): string => {
  const trimmed = text.trim();
  const duration = /^(\d{1,4})([dh])$/.exec(trimmed);
  const at = duration
    ? new Date(now.getTime() - Number(duration[1]) * (duration[2] === 'd' ? 86_400_000 : 3_600_000))
    : calendarDate(trimmed);
  if (!at || Number.isNaN(at.getTime())) throw messages.createError('error.BadSince', [echo(text)]);
  if (at.getTime() > now.getTime())
    throw messages.createError('error.SinceInFuture', [trimmed, now.toISOString().slice(0, 10)]);
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
};
