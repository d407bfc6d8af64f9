import type { ProbeShape } from './probeShape';

/**
 * The shape as the file holds it, or the reason it must not be written: the probe never records a
 * session token, the probing user's name, an email address or a consumer key. Consumer keys of
 * Salesforce apps begin "3MVG9" (as every one in public Connected App examples does; unverified as
 * a rule, so this is a backstop: the probe keeps only booleans about the key).
 */
export const shapeFileText = (shape: ProbeShape, secrets: string[]): { text: string } | { leak: string } => {
  const text = `${JSON.stringify(shape, undefined, 2)}\n`;
  if (secrets.some((s) => s.length >= 6 && text.includes(s)))
    return { leak: 'the session token or the probing user’s name' };
  if (/[\w.+-]+@[\w-]+\.[\w.-]+/.test(text)) return { leak: 'an email address or username' };
  if (/3MVG9[\w.]{20,}/.test(text)) return { leak: 'a consumer key' };
  return { text };
};
