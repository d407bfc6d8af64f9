import crypto from 'node:crypto';

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
  | { ok: false; error: string; description: string; diagnosis: string; fix: string };

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

/**
 * Plain-language meaning of the token endpoint's `invalid_grant` / `invalid_client` answers, with the
 * setting to change (the descriptions Salesforce returns; peers-and-pain-points §3.3).
 */
export const diagnoseGrantError = (error: string, description: string): { diagnosis: string; fix: string } => {
  const d = description.toLowerCase();
  if (d.includes("hasn't approved") || d.includes('not approved')) {
    return {
      diagnosis: 'The user is not pre-authorized for the app.',
      fix: 'The app policy must be "Admin approved users are pre-authorized" and the user must hold a permission set the policy names; run vendor-access deploy (it assigns it) and verify the policy.',
    };
  }
  if (d.includes('ip restricted'))
    return {
      diagnosis:
        'The login came from an address outside the login IP ranges of the user’s profile, and the app enforces IP restrictions.',
      fix: 'Log in from an address inside the profile’s ranges (in hardened mode: the vendor’s), or change the ranges on the profile.',
    };
  if (d.includes('audience'))
    return {
      diagnosis: 'The JWT audience is wrong for this org.',
      fix: 'Use https://login.salesforce.com for production, https://test.salesforce.com for sandboxes, or the My Domain URL (--login-url).',
    };
  if (d.includes('invalid assertion') || d.includes('signature'))
    return {
      diagnosis: 'The signature does not match the certificate on the External Client App.',
      fix: 'Use the private key that belongs to the deployed certificate (vendor-access cert inspect --private-key checks the pair), or deploy the matching certificate.',
    };
  if (d.includes('expired'))
    return {
      diagnosis: 'The assertion or the certificate has expired.',
      fix: 'Check the clock of this machine and the certificate expiry (vendor-access cert inspect).',
    };
  if (d.includes('user') && (d.includes('inactive') || d.includes('invalid')))
    return {
      diagnosis: 'The username is unknown, inactive or not yet verified.',
      fix: 'Check the integration username; a new user must finish the verification email first.',
    };
  if (error === 'invalid_client_id' || d.includes('client identifier'))
    return {
      diagnosis: 'The consumer key is unknown to the org.',
      fix: 'Copy the consumer key from the External Client App again; a new app can take 2 to 10 minutes to propagate.',
    };
  return {
    diagnosis: `The org refused the login (${error}: ${description}).`,
    fix: "Check the External Client App policies and the user's permission sets in Setup.",
  };
};

/** Logs in as the integration user with the JWT bearer flow: the same login the vendor will make. */
export const jwtLogin = async (options: JwtLoginOptions): Promise<JwtLoginResult> => {
  const body = new URLSearchParams({
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    assertion: buildAssertion(options),
  });
  const response = await fetch(`${options.tokenUrl.replace(/\/+$/, '')}/services/oauth2/token`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const json = (await response.json().catch(() => ({}))) as {
    instance_url?: string;
    error?: string;
    error_description?: string;
  };
  if (response.ok && json.instance_url) return { ok: true, instanceUrl: json.instance_url };
  const error = json.error ?? `HTTP ${response.status}`;
  const description = json.error_description ?? '';
  return { ok: false, error, description, ...diagnoseGrantError(error, description) };
};
