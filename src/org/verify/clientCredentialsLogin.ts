import { fillExactly } from '../../messages';
import { httpRequest, postForm } from '../http';

const fill = fillExactly('verify', 'FindingTokensError');

export type ClientCredentialsLoginOptions = {
  /** The org's My Domain URL: the client credentials flow is refused on login.salesforce.com. */
  tokenUrl: string;
  consumerKey: string;
  consumerSecret: string;
};

/** Why the token endpoint refused, as a stable code; its texts are `# clientCredentials.<code>` in messages/verify.md. */
export type ClientCredentialsRefusal =
  | 'ClientCredentialsConsumerKeyUnknown'
  | 'ClientCredentialsSecretWrong'
  | 'ClientCredentialsNoRunAsUser'
  | 'ClientCredentialsFlowOff'
  | 'ClientCredentialsUserInactive'
  | 'ClientCredentialsNotPreAuthorized'
  | 'ClientCredentialsIpRestricted'
  | 'ClientCredentialsWrongDomain'
  | 'ClientCredentialsRefused';

export type ClientCredentialsLoginResult =
  | { ok: true; instanceUrl: string; username: string }
  | {
      ok: false;
      error: string;
      description: string;
      refusal: ClientCredentialsRefusal;
      diagnosis: string;
      fix: string;
    };

const refusalOf = (error: string, d: string): ClientCredentialsRefusal => {
  if (error === 'invalid_client_id' || d.includes('client identifier')) return 'ClientCredentialsConsumerKeyUnknown';
  if (error === 'invalid_client') return 'ClientCredentialsSecretWrong';
  if (d.includes('no client credentials user')) return 'ClientCredentialsNoRunAsUser';
  if (d.includes('flow not enabled')) return 'ClientCredentialsFlowOff';
  if (d.includes('not active')) return 'ClientCredentialsUserInactive';
  if (error === 'invalid_app_access' || d.includes('admin approved')) return 'ClientCredentialsNotPreAuthorized';
  if (d.includes('ip restricted')) return 'ClientCredentialsIpRestricted';
  if (d.includes('not supported on this domain')) return 'ClientCredentialsWrongDomain';
  return 'ClientCredentialsRefused';
};

const refused = (error: string, description: string): ClientCredentialsLoginResult => {
  const refusal = refusalOf(error, description.toLowerCase());
  const tokens = refusal === 'ClientCredentialsRefused' ? [error, description] : [];
  return {
    ok: false,
    error,
    description,
    refusal,
    diagnosis: fill(`clientCredentials.${refusal}`, tokens),
    fix: fill(`clientCredentials.${refusal}.fix`, []),
  };
};

const ok = (status: number): boolean => status >= 200 && status < 300;

/** An answer's JSON object, or nothing usable (an HTML error page from a proxy, say). */
const jsonOf = <T extends object>(body: string): Partial<T> => {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<T>) : {};
  } catch {
    return {};
  }
};

/**
 * Logs in the way a client-credentials vendor does (Salesforce Help, "OAuth 2.0 Client Credentials
 * Flow for Server-to-Server Integration"): the consumer key and secret to the My Domain token
 * endpoint, then asks the token who it is (/services/oauth2/userinfo), so verify can prove the app
 * runs as the intended user. The secret goes in the request body only; it is never returned or logged.
 */
export const clientCredentialsLogin = async (
  options: ClientCredentialsLoginOptions
): Promise<ClientCredentialsLoginResult> => {
  const base = options.tokenUrl.replace(/\/+$/, '');
  // Through the proxy the environment names, as every other call to the org (Node's fetch ignores it).
  const response = await postForm(`${base}/services/oauth2/token`, {
    grant_type: 'client_credentials',
    client_id: options.consumerKey,
    client_secret: options.consumerSecret,
  });
  const json = jsonOf<{ access_token?: string; instance_url?: string; error?: string; error_description?: string }>(
    response.body
  );
  if (!ok(response.status) || !json.access_token || !json.instance_url)
    return refused(json.error ?? `HTTP ${response.status}`, json.error_description ?? '');
  const info = await httpRequest(`${json.instance_url.replace(/\/+$/, '')}/services/oauth2/userinfo`, {
    method: 'GET',
    headers: { authorization: `Bearer ${json.access_token}` },
  });
  const who = jsonOf<{ preferred_username?: string }>(info.body);
  if (!ok(info.status) || !who.preferred_username)
    return refused(`HTTP ${info.status}`, 'userinfo did not name the user');
  return { ok: true, instanceUrl: json.instance_url, username: who.preferred_username };
};
