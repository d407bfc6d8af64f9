import fs from 'node:fs';
import path from 'node:path';
import { generateCertificate } from '../../src/certificate';
import { buildAssertion } from '../../src/org/verify/jwtLogin';
import { setJson } from '../helpers/projectCopy';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { run, useSimulatedOrg } from '../helpers/simulatedOrg';
import type { OrgSimulator } from '../org-simulator';
import { CALLER_IP_HEADER } from '../org-simulator/rules/loginIpRules';

const VALUES = ['--values', 'config/orgs/example.json'];
const USERNAME = 'ispm.integration@example.com.vendoraccess';
const INSIDE = '13.52.68.184'; // "ISPM IP number 4"
const INSIDE_CIDR = '18.98.16.170'; // within 18.98.16.160/27
const OUTSIDE = '203.0.113.50';

type Token = { status: number; body: { access_token?: string; error?: string; error_description?: string } };

/** The token request ISPM's servers make, sent as if from `address` (the simulator's test-only header). */
const tokenRequest = async (sim: OrgSimulator, privateKeyPem: string, address: string): Promise<Token> => {
  const consumerKey = sim.state.consumerKeys.get('ISPM_SFDC_Integration') ?? '';
  const assertion = buildAssertion({
    tokenUrl: sim.instanceUrl,
    audience: 'https://login.salesforce.com',
    consumerKey,
    username: USERNAME,
    privateKeyPem,
  });
  const response = await fetch(`${sim.instanceUrl}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', [CALLER_IP_HEADER]: address },
    body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }),
  });
  return { status: response.status, body: (await response.json()) as Token['body'] };
};

const apiCall = async (
  sim: OrgSimulator,
  token: string,
  address: string
): Promise<{ status: number; body: unknown }> => {
  const response = await fetch(`${sim.instanceUrl}/services/data/v64.0/limits`, {
    headers: { authorization: `Bearer ${token}`, [CALLER_IP_HEADER]: address },
  });
  return { status: response.status, body: await response.json() };
};

const setUp = (project: () => string): (() => string) => {
  let privateKeyPem = '';
  beforeEach(async () => {
    const pair = await generateCertificate({ commonName: 'ispm-hardened-test' });
    fs.writeFileSync(path.join(project(), 'config/certs/jwt.crt'), pair.certificatePem);
    setJson(project(), 'config/orgs/example.json', 'vendors.ispm.serverCertificate', 'config/certs/jwt.crt');
    privateKeyPem = pair.privateKeyPem;
  });
  return () => privateKeyPem;
};

const ispmUser = (sim: OrgSimulator): Record<string, unknown> | undefined =>
  sim.state.records.get('User')?.find((u) => u.Username === USERNAME);
const profileName = (sim: OrgSimulator, id: unknown): unknown =>
  sim.state.records.get('Profile')?.find((p) => p.Id === id)?.Name;

describe('hardened mode on: the ISPM credentials work only from ISPM’s published addresses', () => {
  const project = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({
    shape: 'enterprise-shield',
    seed: { enforceIpRangesEveryRequest: true },
  }));
  const key = setUp(project);

  beforeEach(async () => {
    setJson(project(), 'config/orgs/example.json', 'vendors.ispm.hardening', { restrictLoginToVendorRanges: true });
    const deploy = await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm');
    expect(deploy.out).toContain('SUCCEEDED');
    expect(deploy.code).toBe(0);
  });

  it('deploys the dedicated profile with ISPM’s ranges and creates the user on it', () => {
    const profile = sim().state.components.get('Profile:ISPM_Integration_Hardened')?.xml ?? '';
    expect(profile).toContain('<startAddress>18.98.16.160</startAddress>');
    expect(profile).toContain('<endAddress>18.98.16.191</endAddress>');
    expect(profileName(sim(), ispmUser(sim())?.ProfileId)).toBe('ISPM_Integration_Hardened');
    const ranges = (sim().state.records.get('LoginIpRange') ?? []).filter(
      (r) => r.ProfileId === ispmUser(sim())?.ProfileId
    );
    expect(ranges).toHaveLength(9);
    expect(
      sim().state.components.get('ExtlClntAppOauthConfigurablePolicies:ISPM_SFDC_Integration_oauthPlcy')?.xml
    ).toContain('<ipRelaxationPolicyType>Enforce</ipRelaxationPolicyType>');
  });

  it('refuses a JWT login from outside the ranges with Salesforce’s "ip restricted"', async () => {
    const answer = await tokenRequest(sim(), key(), OUTSIDE);
    expect(answer).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'ip restricted' } });
  });

  it('accepts a JWT login from inside the ranges (a single address and a CIDR block)', async () => {
    for (const address of [INSIDE, INSIDE_CIDR]) {
      const answer = await tokenRequest(sim(), key(), address);
      expect(answer.status).toBe(200);
      expect(answer.body.access_token).toMatch(/^00D/);
    }
  });

  it('refuses API calls from outside with a token issued inside, where the org enforces ranges on every request', async () => {
    const token = (await tokenRequest(sim(), key(), INSIDE)).body.access_token ?? '';
    expect((await apiCall(sim(), token, INSIDE)).status).toBe(200);
    expect(await apiCall(sim(), token, OUTSIDE)).toEqual({
      status: 401,
      body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }],
    });
  });

  it('verify --private-key from this machine (outside the ranges) counts the refusal as proof, not as a failure', async () => {
    const keyFile = path.join(project(), 'out-test-server.key');
    fs.writeFileSync(keyFile, key(), { mode: 0o600 });
    const verify = await run('verify', '-o', 'prod', ...VALUES, '--vendor', 'ispm', '--private-key', keyFile);
    expect(verify.out).toContain(
      `ok   JWT bearer login as ${USERNAME} refused from this machine's address (ip restricted): hardened mode keeps the credentials to the vendor's ranges`
    );
    expect(verify.code).toBe(0);
  });

  it('binds only while the app enforces IP restrictions: at Relax IP restrictions (Bypass) any address gets in', async () => {
    // The ECA policy is what makes the profile's ranges bind OAuth logins (the guide's "Enforce IP restrictions").
    const key2 = 'ExtlClntAppOauthConfigurablePolicies:ISPM_SFDC_Integration_oauthPlcy';
    const held = sim().state.components.get(key2);
    if (!held) throw new Error('policy missing');
    held.xml = held.xml.replace(
      '<ipRelaxationPolicyType>Enforce</ipRelaxationPolicyType>',
      '<ipRelaxationPolicyType>Bypass</ipRelaxationPolicyType>'
    );
    const token = (await tokenRequest(sim(), key(), OUTSIDE)).body.access_token ?? '';
    expect((await apiCall(sim(), token, OUTSIDE)).status).toBe(200);
  });
});

describe('hardened mode on, in an org that checks login IP ranges only at login (the default)', () => {
  const project = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));
  const key = setUp(project);

  it('still refuses the login from outside, but a token issued inside works from anywhere until it expires (the risk review names)', async () => {
    setJson(project(), 'config/orgs/example.json', 'vendors.ispm.hardening', { restrictLoginToVendorRanges: true });
    expect((await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm')).code).toBe(0);
    expect((await tokenRequest(sim(), key(), OUTSIDE)).body.error_description).toBe('ip restricted');
    const token = (await tokenRequest(sim(), key(), INSIDE)).body.access_token ?? '';
    expect((await apiCall(sim(), token, OUTSIDE)).status).toBe(200);
    const plan = await run('plan', '-o', 'prod', ...VALUES, '--vendor', 'ispm', '--json');
    const org = (
      plan.json() as {
        result: { orgs: Array<{ hardening: Array<Record<string, unknown>>; appEnforcesIp: Record<string, boolean> }> };
      }
    ).result.orgs[0];
    expect(org?.hardening[0]).toMatchObject({
      vendor: 'ispm',
      on: true,
      profileName: 'ISPM_Integration_Hardened',
      moveUser: 'none',
      removeProfile: false,
    });
    expect(org?.hardening[0]).not.toHaveProperty('profileFile');
    expect(org?.appEnforcesIp).toEqual({ ispm: true });
  });
});

describe('hardened mode off: behaviour as today', () => {
  const project = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));
  const key = setUp(project);

  it('sends no profile, leaves the user on its licence profile, and a JWT login works from any address', async () => {
    const deploy = await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm');
    expect(deploy.code).toBe(0);
    expect([...sim().state.components.keys()].filter((k) => k.startsWith('Profile:'))).toEqual([]);
    expect(profileName(sim(), ispmUser(sim())?.ProfileId)).toBe('Minimum Access - Salesforce');
    expect((await tokenRequest(sim(), key(), OUTSIDE)).status).toBe(200);
    expect((await tokenRequest(sim(), key(), INSIDE)).status).toBe(200);
  });
});
