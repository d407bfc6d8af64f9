import crypto from 'node:crypto';
import type { OrgState } from './orgState';
import { rows } from './orgState';
import { isFrozen } from './lifecycle';
import { policiesOf } from './rules/ecaRules';
import { appEnforcesIp, outsideLoginRanges } from './rules/loginIpRules';
import { leaf, Node, parseXml } from './xml';

export type TokenAnswer = { status: number; body: Record<string, unknown> };

const fail = (error: string, description: string): TokenAnswer => ({
  status: 400,
  body: { error, error_description: description },
});

/** A token endpoint's 200 answer: the fields every grant returns, and the grant's own (scope, …). */
const issued = (
  state: OrgState,
  instanceUrl: string,
  userId: string,
  accessToken: string,
  fields: Record<string, string>
): TokenAnswer => ({
  status: 200,
  body: {
    access_token: accessToken,
    instance_url: instanceUrl,
    id: `${instanceUrl}/id/${state.orgId}/${userId}`,
    token_type: 'Bearer',
    ...fields,
  },
});

/**
 * The OAuth 2.0 JWT bearer grant (Salesforce Help "OAuth 2.0 JWT Bearer Flow for Server-to-Server
 * Integration"): iss = the app's consumer key, sub = the username, aud = the login URL, exp in the
 * future, RS256 signed with the key of the certificate on the app. Error descriptions are the ones
 * Salesforce returns (peers-and-pain-points §3.3; airbyte#80788 lists them).
 */
// eslint-disable-next-line complexity -- one branch per JWT refusal Salesforce returns, in the order it checks them
export const jwtBearerGrant = (
  state: OrgState,
  assertion: string,
  instanceUrl: string,
  mintToken: (userId: string, app: string) => string,
  callerAddress: string
): TokenAnswer => {
  const [h, c, s] = assertion.split('.');
  if (!h || !c || !s) return fail('invalid_grant', 'invalid assertion');
  let claims: { iss?: string; sub?: string; aud?: string; exp?: number };
  try {
    claims = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as typeof claims;
  } catch {
    return fail('invalid_grant', 'invalid assertion');
  }
  const app = [...state.consumerKeys].find(([, key]) => key === claims.iss)?.[0];
  if (!app) return fail('invalid_client_id', 'client identifier invalid');
  // A disabled app (ExtlClntAppConfigurablePolicies.isEnabled false) grants nothing; the answer is unverified, taken as for an unknown client.
  const settings = policiesOf(state, 'ExtlClntAppConfigurablePolicies', app)[0];
  if (
    settings &&
    leaf(parseXml(state.components.get(`ExtlClntAppConfigurablePolicies:${settings}`)?.xml ?? '').node, 'isEnabled') ===
      'false'
  )
    return fail('invalid_client_id', 'client identifier invalid');
  const audiences = ['https://login.salesforce.com', 'https://test.salesforce.com', instanceUrl];
  if (!claims.aud || !audiences.includes(claims.aud.replace(/\/+$/, '')))
    return fail('invalid_grant', 'audience is invalid');
  if (!claims.exp || claims.exp * 1000 < Date.now()) return fail('invalid_grant', 'expired assertion');
  const global = [...state.components.values()].find(
    (x) =>
      x.type === 'ExtlClntAppGlobalOauthSettings' && leaf(parseXml(x.xml).node, 'externalClientApplication') === app
  );
  const certificate = global ? leaf(parseXml(global.xml).node, 'certificate') : undefined;
  let verified = false;
  try {
    verified =
      Boolean(certificate) &&
      crypto.verify(
        'RSA-SHA256',
        Buffer.from(`${h}.${c}`),
        new crypto.X509Certificate(certificate as string).publicKey,
        Buffer.from(s, 'base64url')
      );
  } catch {
    verified = false;
  }
  if (!verified) return fail('invalid_grant', 'invalid assertion');
  const user = rows(state, 'User').find((u) => String(u.Username).toLowerCase() === String(claims.sub).toLowerCase());
  if (!user || user.IsActive !== true) return fail('invalid_grant', 'user is not active or invalid');
  // Wording for a frozen user unverified: the grant is refused like an inactive user's.
  if (isFrozen(state, user.Id)) return fail('invalid_grant', 'user is not active or invalid');
  // Pre-authorization: "Admin approved users are pre-authorized" and the user holds a named permission set.
  const policy = policiesOf(state, 'ExtlClntAppOauthConfigurablePolicies', app)[0];
  const policyNode = policy
    ? parseXml(state.components.get(`ExtlClntAppOauthConfigurablePolicies:${policy}`)?.xml ?? '').node
    : {};
  const named = (leaf(policyNode, 'commaSeparatedPermissionSet') ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const held = rows(state, 'PermissionSetAssignment')
    .filter((a) => a.AssigneeId === user.Id)
    .map((a) => rows(state, 'PermissionSet').find((p) => p.Id === a.PermissionSetId)?.Name);
  if (
    leaf(policyNode, 'permittedUsersPolicyType') !== 'AdminApprovedPreAuthorized' ||
    !named.some((n) => held.includes(n))
  ) {
    return fail('invalid_grant', "user hasn't approved this consumer");
  }
  // Login IP ranges of the user's profile, when the app enforces IP restrictions. Checked after the
  // signature and pre-authorization here; the order Salesforce checks in is unverified.
  if (appEnforcesIp(state, app) && outsideLoginRanges(state, user, callerAddress))
    return fail('invalid_grant', 'ip restricted');
  return issued(state, instanceUrl, String(user.Id), mintToken(String(user.Id), app), {
    scope: 'api web refresh_token',
  });
};

/**
 * The OAuth 2.0 refresh token grant (Salesforce Help "OAuth 2.0 Refresh Token Flow for Renewed
 * Sessions"), as `sf org login sfdx-url` and AuthInfo.create({ oauth2Options }) send it: grant_type
 * refresh_token, client_id, refresh_token. The org's one refresh token belongs to its admin, and the
 * answer carries the admin's session. The response fields are the documented ones (access_token,
 * instance_url, id, issued_at, signature, token_type, scope). "expired access/refresh token" is the
 * error_description Salesforce is widely reported to give a revoked or unknown refresh token; no
 * Salesforce page we found quotes it.
 */
export const refreshTokenGrant = (
  state: OrgState,
  form: URLSearchParams,
  refreshToken: string,
  accessToken: string,
  instanceUrl: string
): TokenAnswer => {
  if (!form.get('client_id')) return fail('invalid_client_id', 'client identifier invalid');
  if (form.get('refresh_token') !== refreshToken) return fail('invalid_grant', 'expired access/refresh token');
  const admin = rows(state, 'User')[0];
  const issuedAt = String(Date.now());
  return issued(state, instanceUrl, String(admin?.Id), accessToken, {
    signature: crypto.createHmac('sha256', refreshToken).update(issuedAt).digest('base64'),
    scope: 'refresh_token api',
    issued_at: issuedAt,
  });
};

/** The app's global OAuth settings and its OAuth policy record, parsed. */
const appNodes = (state: OrgState, app: string): { global: Node; policy: Node; enabled: boolean } => {
  const global = [...state.components.values()].find(
    (x) =>
      x.type === 'ExtlClntAppGlobalOauthSettings' && leaf(parseXml(x.xml).node, 'externalClientApplication') === app
  );
  const policy = policiesOf(state, 'ExtlClntAppOauthConfigurablePolicies', app)[0];
  const settings = policiesOf(state, 'ExtlClntAppConfigurablePolicies', app)[0];
  const enabled = settings
    ? leaf(
        parseXml(state.components.get(`ExtlClntAppConfigurablePolicies:${settings}`)?.xml ?? '').node,
        'isEnabled'
      ) !== 'false'
    : true;
  return {
    global: global ? parseXml(global.xml).node : {},
    policy: policy
      ? parseXml(state.components.get(`ExtlClntAppOauthConfigurablePolicies:${policy}`)?.xml ?? '').node
      : {},
    enabled,
  };
};

/** Whether the user holds one of the permission sets the policy names (admin-approved, pre-authorized). */
const preAuthorized = (state: OrgState, policy: Node, userId: unknown): boolean => {
  const named = (leaf(policy, 'commaSeparatedPermissionSet') ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const held = rows(state, 'PermissionSetAssignment')
    .filter((a) => a.AssigneeId === userId)
    .map((a) => rows(state, 'PermissionSet').find((p) => p.Id === a.PermissionSetId)?.Name);
  return (
    leaf(policy, 'permittedUsersPolicyType') !== 'AdminApprovedPreAuthorized' || named.some((n) => held.includes(n))
  );
};

/**
 * The OAuth 2.0 client credentials grant (Salesforce Help "OAuth 2.0 Client Credentials Flow for
 * Server-to-Server Integration"): POST to the org's My Domain token endpoint with grant_type
 * client_credentials and the app's consumer key and secret (form fields, or HTTP Basic); the token is
 * issued for the run-as user the app's OAuth policy names (clientCredentialsFlowUser), without a
 * refresh token. Answers, as public integration guides quote Salesforce: unknown key
 * `invalid_client_id` "client identifier invalid"; wrong or missing secret `invalid_client` "invalid
 * client credentials"; no run-as user or the flow off in the policy `invalid_grant` "no client
 * credentials user enabled"; a run-as user not pre-authorized `invalid_app_access` "user is not admin
 * approved to access this app". Approximated (no source settles them): the flow off in the global
 * settings answers `invalid_grant` "client credentials flow not enabled" (one guide quotes the
 * description with a prefix it elides); a disabled app answers like an unknown key; an inactive or
 * frozen run-as user answers like the JWT grant's "user is not active or invalid"; the order of the
 * checks; the simulator is only ever the org's My Domain (login.salesforce.com answers "request not
 * supported on this domain").
 */
export const clientCredentialsGrant = (
  state: OrgState,
  credentials: { clientId: string; clientSecret: string },
  instanceUrl: string,
  mintToken: (userId: string, app: string) => string,
  callerAddress: string
): TokenAnswer => {
  const app = [...state.consumerKeys].find(([, key]) => key === credentials.clientId)?.[0];
  if (!app) return fail('invalid_client_id', 'client identifier invalid');
  const { global, policy, enabled } = appNodes(state, app);
  if (!enabled) return fail('invalid_client_id', 'client identifier invalid');
  const secret = state.consumerSecrets.get(app) ?? '';
  const given = Buffer.from(credentials.clientSecret);
  if (!secret || given.length !== secret.length || !crypto.timingSafeEqual(given, Buffer.from(secret)))
    return fail('invalid_client', 'invalid client credentials');
  if (leaf(global, 'isClientCredentialsFlowEnabled') !== 'true')
    return fail('invalid_grant', 'client credentials flow not enabled');
  const runAs = leaf(policy, 'clientCredentialsFlowUser');
  if (leaf(policy, 'isClientCredentialsFlowEnabled') !== 'true' || !runAs)
    return fail('invalid_grant', 'no client credentials user enabled');
  const user = rows(state, 'User').find((u) => String(u.Username).toLowerCase() === runAs.toLowerCase());
  if (!user || user.IsActive !== true || isFrozen(state, user.Id))
    return fail('invalid_grant', 'user is not active or invalid');
  if (!preAuthorized(state, policy, user.Id))
    return fail('invalid_app_access', 'user is not admin approved to access this app');
  if (appEnforcesIp(state, app) && outsideLoginRanges(state, user, callerAddress))
    return fail('invalid_grant', 'ip restricted');
  return issued(state, instanceUrl, String(user.Id), mintToken(String(user.Id), app), {
    scope: 'api',
    issued_at: String(Date.now()),
  });
};
