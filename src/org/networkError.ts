import type { SfError } from '@salesforce/core/sfError';
import { loadMessages } from '../messages';

const messages = loadMessages('org');

/** What each network failure means, in words (node's codes; `getaddrinfo` is the DNS lookup). */
const REASONS: Record<string, string> = {
  ECONNREFUSED: 'nothing answers at that address and port (connection refused)',
  ENOTFOUND: 'no such host name (DNS lookup found nothing)',
  EAI_AGAIN: 'the host name could not be looked up (DNS did not answer; offline, or a proxy or VPN is missing)',
  ENETUNREACH: 'no route to that network from this machine (offline, or a proxy or VPN is missing)',
  EHOSTUNREACH: 'no route to that host from this machine',
  ETIMEDOUT: 'the connection timed out',
  ECONNRESET: 'the connection was dropped',
  CERT_HAS_EXPIRED: "the server's TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's TLS certificate is self-signed",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's TLS certificate cannot be verified",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's TLS certificate is not for this host name",
};

type Failure = {
  code?: unknown;
  cause?: unknown;
  message?: unknown;
  hostname?: unknown;
  address?: unknown;
  port?: unknown;
};

const codeIn = (err: Failure | undefined, depth = 0): { code: string; at: Failure } | undefined => {
  if (!err || typeof err !== 'object' || depth > 3) return undefined;
  const code = typeof err.code === 'string' ? err.code : undefined;
  if (code && code in REASONS) return { code, at: err };
  const fromText = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH)\b/.exec(
    String(err.message ?? '')
  )?.[1];
  if (fromText) return { code: fromText, at: err };
  return codeIn(err.cause as Failure | undefined, depth + 1);
};

/** The host a failed request went to, without credentials: from the error's fields or its text. */
const hostOf = (at: Failure, message: string): string => {
  if (typeof at.hostname === 'string') return at.hostname;
  if (typeof at.address === 'string') return `${at.address}${typeof at.port === 'number' ? `:${at.port}` : ''}`;
  const fromUrl = /\b[a-z]+:\/\/(?:[^/@\s]+@)?([^/\s?#]+)/i.exec(message)?.[1];
  if (fromUrl) return fromUrl;
  return /(?:getaddrinfo \w+|connect \w+) (\S+)/.exec(message)?.[1] ?? 'the org';
};

/**
 * A failure to reach an org (refused, no DNS, no route, TLS) as the named OrgUnreachableError with
 * the host and what to check; undefined for any other error. Never carries the URL's
 * `user:password@` or path: node's own text is replaced.
 */
export const networkError = (err: unknown): SfError | undefined => {
  const found = codeIn(err as Failure);
  if (!found) return undefined;
  const host = hostOf(found.at, String((err as Failure).message ?? ''));
  return messages.createError('error.OrgUnreachable', [host, REASONS[found.code] ?? found.code, found.code]);
};

/** `user:password@` taken out of every URL in a text. */
export const withoutUrlCredentials = (text: string): string =>
  text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1');
