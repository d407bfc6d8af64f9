import type { Fact, Unknown } from './probeShape';

/** The org's answer to a refused read, as `<errorCode>: <message>` (one line, at most 300 characters). */
export const refusalReason = (err: unknown): string => {
  const e = err as { errorCode?: unknown; name?: unknown; message?: unknown };
  const code =
    typeof e.errorCode === 'string'
      ? e.errorCode
      : typeof e.name === 'string' && /^[A-Z_]+$/.test(e.name)
      ? e.name
      : undefined;
  // An org's message can name the user it refused; the shape file never holds a username.
  const message = (typeof e.message === 'string' ? e.message : String(err))
    .replace(/\s+/g, ' ')
    .replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, '<username>')
    .trim();
  const text = code && !message.startsWith(code) ? `${code}: ${message}` : message;
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
};

export const unknownBecause = (reason: string): Unknown => `unknown: ${reason}`;

/** Runs one read; a read the org refuses becomes `unknown: <reason>` instead of failing the probe. */
export const readFact = async <T>(read: () => Promise<T>): Promise<Fact<T>> => {
  try {
    return await read();
  } catch (err) {
    return unknownBecause(refusalReason(err));
  }
};
