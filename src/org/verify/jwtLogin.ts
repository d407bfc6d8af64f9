import crypto from 'node:crypto';
import { fillExactly } from '../../messages';
import { postForm } from '../http';

const fill = fillExactly('verify', 'FindingTokensError');

export type JwtLoginOptions = {
  /** Where the token request goes: the org's My Domain or login.salesforce.com / test.salesforce.com. */
  tokenUrl: string;
  /** The `aud` claim: https://login.salesforce.com, https://test.salesforce.com, or the My Domain URL. */
  audience: string;
  consumerKey: string;
  username: string;
  privateKeyPem: string;
  now?: Date;
};

export type JwtLoginResult =
  | { ok: true; instanceUrl: string }
  | { ok: false; error: string; description: string; refusal: JwtRefusal; diagnosis: string; fix: string };

const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** An RS256-signed JWT bearer assertion (Salesforce Help, "OAuth 2.0 JWT Bearer Flow"): exp within 3 minutes. */
export const buildAssertion = (options: JwtLoginOptions): string => {
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const claims = base64url(
    JSON.stringify({ iss: options.consumerKey, sub: options.username, aud: options.audience, exp: now + 180 })
  );
  const signature = crypto.sign('RSA-SHA256', Buffer.from(`${header}.${claims}`), options.privateKeyPem);
  return `${header}.${claims}.${base64url(signature)}`;
};

/** Why the token endpoint refused a login, as a stable code; its texts are `# jwt.<code>` in messages/verify.md. */
export type JwtRefusal =
  | 'JwtNotPreAuthorized'
  | 'JwtIpRestricted'
  | 'JwtAudienceWrong'
  | 'JwtSignatureMismatch'
  | 'JwtExpired'
  | 'JwtUserUnknown'
  | 'JwtConsumerKeyUnknown'
  | 'JwtRefused';

const refusalOf = (error: string, d: string): JwtRefusal => {
  if (d.includes("hasn't approved") || d.includes('not approved')) return 'JwtNotPreAuthorized';
  if (d.includes('ip restricted')) return 'JwtIpRestricted';
  if (d.includes('audience')) return 'JwtAudienceWrong';
  if (d.includes('invalid assertion') || d.includes('signature')) return 'JwtSignatureMismatch';
  if (d.includes('expired')) return 'JwtExpired';
  if (d.includes('user') && (d.includes('inactive') || d.includes('invalid'))) return 'JwtUserUnknown';
  if (error === 'invalid_client_id' || d.includes('client identifier')) return 'JwtConsumerKeyUnknown';
  return 'JwtRefused';
};

/**
 * Plain-language meaning of the token endpoint's `invalid_grant` / `invalid_client` answers, with the
 * setting to change (the descriptions Salesforce returns; peers-and-pain-points §3.3). Only the
 * catch-all names the org's own answer in its text.
 */
export const diagnoseGrantError = (
  error: string,
  description: string
): { refusal: JwtRefusal; diagnosis: string; fix: string } => {
  const refusal = refusalOf(error, description.toLowerCase());
  const tokens = refusal === 'JwtRefused' ? [error, description] : [];
  return { refusal, diagnosis: fill(`jwt.${refusal}`, tokens), fix: fill(`jwt.${refusal}.fix`, []) };
};

type TokenAnswer = { instance_url?: string; error?: string; error_description?: string };

/** The token endpoint's JSON, or nothing usable (an HTML error page from a proxy, say). */
const parsedAnswer = (body: string): TokenAnswer => {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as TokenAnswer) : {};
  } catch {
    return {};
  }
};

/** Logs in as the integration user with the JWT bearer flow: the same login the vendor will make. */
export const jwtLogin = async (options: JwtLoginOptions): Promise<JwtLoginResult> => {
  // Through the proxy the environment names, as every other call to the org (Node's fetch ignores it).
  const response = await postForm(`${options.tokenUrl.replace(/\/+$/, '')}/services/oauth2/token`, {
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    assertion: buildAssertion(options),
  });
  const json = parsedAnswer(response.body);
  if (response.status >= 200 && response.status < 300 && json.instance_url)
    return { ok: true, instanceUrl: json.instance_url };
  const error = json.error ?? `HTTP ${response.status}`;
  const description = json.error_description ?? '';
  return { ok: false, error, description, ...diagnoseGrantError(error, description) };
};
