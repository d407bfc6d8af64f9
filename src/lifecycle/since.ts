import { loadMessages } from '../messages/loadMessages';

const messages = loadMessages('lifecycle');

/** `--since`: `7d`, `12h`, or an ISO date; the instant it names, as a SOQL datetime literal (UTC). */
export const parseSince = (text: string, now: Date = new Date()): string => {
  const duration = /^(\d{1,4})([dh])$/.exec(text.trim());
  let at: Date | undefined;
  if (duration) at = new Date(now.getTime() - Number(duration[1]) * (duration[2] === 'd' ? 86_400_000 : 3_600_000));
  else if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(text.trim())) at = new Date(text.trim());
  if (!at || Number.isNaN(at.getTime())) throw messages.createError('error.BadSince', [text]);
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
};
