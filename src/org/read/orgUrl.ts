import { isIP } from 'node:net';
import { loadMessages } from '../../messages';

const messages = loadMessages('org');

/** An address on this machine: the only place plain http may go (the org simulator, a local proxy). */
const isLoopback = (hostname: string): boolean => {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
};

/** A URL as messages show it: scheme, host and port, never `user:password@`, path or query. */
export const urlForMessages = (url: string): string => {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    // Not a URL: drop anything that looks like credentials before an @, and cut it short.
    return url.replace(/^[^@\s]*@/, '').slice(0, 80);
  }
};

/**
 * Refuses, before any request, a URL an org's credentials would be sent to that is not https (an
 * access token, a signed JWT, a session id would cross the network in clear text), except on
 * loopback; and one that is no URL at all. `source` names where it came from (the flag or
 * environment variable) for the message.
 *
 * @throws InvalidOrgUrlError, InsecureOrgUrlError
 */
export const checkOrgUrl = (url: string, source: string): URL => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw messages.createError('error.InvalidOrgUrl', [source, urlForMessages(url)], [source]);
  }
  if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopback(parsed.hostname))) return parsed;
  throw messages.createError(
    'error.InsecureOrgUrl',
    [source, urlForMessages(url)],
    [source, `https://${parsed.host || 'mycompany.my.salesforce.com'}`]
  );
};
