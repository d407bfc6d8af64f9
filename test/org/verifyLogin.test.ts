import fs from 'node:fs';
import path from 'node:path';
import { generateCertificate } from '../../src/certificate';
import { setJson } from '../helpers/projectCopy';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { calls, run, snapshot, useSimulatedOrg } from '../helpers/simulatedOrg';

const VALUES = ['--values', 'config/orgs/example.json'];

describe('verify logs in as the integration user through the JWT bearer flow', () => {
  const project = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));
  /** verify of ISPM in the simulated org, with the flags a case adds. */
  const verifyIspm = (...flags: string[]): ReturnType<typeof run> =>
    run('verify', '-o', 'prod', ...VALUES, '--vendor', 'ispm', ...flags);
  let keyFile: string;
  let otherKeyFile: string;

  beforeEach(async () => {
    // A key pair of our own stands in for the vendor's: the org holds its certificate after deploy.
    const [ours, other] = await Promise.all([
      generateCertificate({ commonName: 'ispm-test' }),
      generateCertificate({ commonName: 'someone-else' }),
    ]);
    fs.writeFileSync(path.join(project(), 'config/certs/jwt.crt'), ours.certificatePem);
    keyFile = path.join(project(), 'out-test-server.key');
    otherKeyFile = path.join(project(), 'out-test-other.key');
    fs.writeFileSync(keyFile, ours.privateKeyPem, { mode: 0o600 });
    fs.writeFileSync(otherKeyFile, other.privateKeyPem, { mode: 0o600 });
    setJson(project(), 'config/orgs/example.json', 'vendors.ispm.serverCertificate', 'config/certs/jwt.crt');
    expect((await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm')).code).toBe(0);
  });

  it('succeeds with the key that matches the deployed certificate', async () => {
    const { code, out } = await verifyIspm('--private-key', keyFile);
    expect(out).toContain('ok   JWT bearer login as ispm.integration@example.com.vendoraccess succeeded');
    expect(code).toBe(0);
    expect(calls(sim())).toContain('POST /services/oauth2/token');
    expect(out).not.toContain('PRIVATE KEY');
  });

  it('refuses an EC private key before any org is contacted: it would sign ECDSA under an RS256 header', async () => {
    const before = sim().requests.length;
    const ecKey = path.join(__dirname, '../fixtures/keys/test-only-ec-p256.pem');
    const { code, out } = await verifyIspm('--private-key', ecKey);
    expect(code).toBe(1);
    expect(out).toContain(
      `Error (PrivateKeyNotRsaError): ${ecKey} holds an EC private key; the JWT bearer flow signs with RS256 (RSA with SHA-256) only.`
    );
    expect(sim().requests.slice(before)).toEqual([]);
  });

  it('explains a wrong key in plain words', async () => {
    const { code, out } = await verifyIspm('--private-key', otherKeyFile);
    expect(code).toBe(1);
    expect(out).toContain(
      'FAIL JWT bearer login as ispm.integration@example.com.vendoraccess failed: The signature does not match the certificate on the External Client App.'
    );
    expect(out).toContain('invalid_grant: invalid assertion');
  });

  it('--json names the failed login JwtLoginFailed, with the diagnosis, the answer and the fix', async () => {
    const verify = await verifyIspm('--private-key', otherKeyFile, '--json');
    expect(verify.code).toBe(1);
    const findings =
      (verify.json() as { result: { orgs: Array<{ findings: unknown[] }> } }).result.orgs[0]?.findings ?? [];
    expect(findings).toContainEqual({
      check: 'JWT login ISPM_SFDC_Integration',
      code: 'JwtLoginFailed',
      ok: false,
      what: 'JWT bearer login as ispm.integration@example.com.vendoraccess failed: The signature does not match the certificate on the External Client App.',
      detail: 'invalid_grant: invalid assertion',
      fix: 'Use the private key that belongs to the deployed certificate (vendor-access cert inspect --private-key checks the pair), or deploy the matching certificate.',
    });
    // The login itself names why it was refused, for scripts that act on the reason.
    const logins =
      (verify.json() as { result: { orgs: Array<{ logins: Array<{ result: unknown }> }> } }).result.orgs[0]?.logins ??
      [];
    expect(logins[0]?.result).toMatchObject({ ok: false, refusal: 'JwtSignatureMismatch' });
  });

  it('explains a user who is not pre-authorized', async () => {
    const assignments = sim().state.records.get('PermissionSetAssignment') ?? [];
    assignments.splice(0, assignments.length);
    const { code, out } = await verifyIspm('--private-key', keyFile);
    expect(code).toBe(1);
    expect(out).toContain('failed: The user is not pre-authorized for the app.');
    expect(out).toContain("invalid_grant: user hasn't approved this consumer");
  });

  it('explains a wrong audience', async () => {
    const { out } = await verifyIspm('--private-key', keyFile, '--audience', 'https://example.com');
    expect(out).toContain('failed: The JWT audience is wrong for this org.');
  });
});

describe('an org that already has the External Client App', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it('reuses the policy name the org auto-created instead of failing with "duplicate value found"', async () => {
    // First the app alone, as if created earlier without its policy file: the org names the policy itself.
    expect((await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm')).code).toBe(0);
    const header = sim().state.components;
    const app = header.get('ExternalClientApplication:ISPM_SFDC_Integration');
    const ours = header.get('ExtlClntAppOauthConfigurablePolicies:ISPM_SFDC_Integration_oauthPlcy');
    expect(app && ours).toBeTruthy();
    header.delete('ExtlClntAppOauthConfigurablePolicies:ISPM_SFDC_Integration_oauthPlcy');
    header.set('ExtlClntAppOauthConfigurablePolicies:ISPM_SFDC_Integration_oauth_defaultPolicy', {
      ...(ours as NonNullable<typeof ours>),
      fullName: 'ISPM_SFDC_Integration_oauth_defaultPolicy',
      path: 'extlClntAppOauthPolicies/ISPM_SFDC_Integration_oauth_defaultPolicy.ecaOauthPlcy',
      xml: (ours?.xml ?? '').replace('AdminApprovedPreAuthorized', 'AllSelfAuthorized'),
    });
    const { code, out } = await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm');
    expect(code).toBe(0);
    expect(out).toContain(
      'note: ISPM_SFDC_Integration_oauthPlcy is deployed as ISPM_SFDC_Integration_oauth_defaultPolicy, the policy record the org already holds for the app.'
    );
    const after = sim().state.components;
    expect(after.get('ExtlClntAppOauthConfigurablePolicies:ISPM_SFDC_Integration_oauth_defaultPolicy')?.xml).toContain(
      '<permittedUsersPolicyType>AdminApprovedPreAuthorized</permittedUsersPolicyType>'
    );
    expect(after.has('ExtlClntAppOauthConfigurablePolicies:ISPM_SFDC_Integration_oauthPlcy')).toBe(false);
  });

  it('reports a deploy the org rejects as FAILED with the org’s message, and leaves the org unchanged', async () => {
    expect((await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm')).code).toBe(0);
    const held = sim().state.components;
    const ours = held.get('ExtlClntAppOauthConfigurablePolicies:ISPM_SFDC_Integration_oauthPlcy');
    held.delete('ExtlClntAppOauthConfigurablePolicies:ISPM_SFDC_Integration_oauthPlcy');
    // A policy record under a name that does not start with the app's name: nothing can map ours onto it.
    held.set('ExtlClntAppOauthConfigurablePolicies:Legacy_Policy', {
      ...(ours as NonNullable<typeof ours>),
      fullName: 'Legacy_Policy',
      path: 'extlClntAppOauthPolicies/Legacy_Policy.ecaOauthPlcy',
    });
    const before = snapshot(sim());
    const { code, out } = await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm');
    expect(code).toBe(1);
    expect(out).toMatch(/prod \(admin\.\d+@sim\.example\.com, 00D\d+\): FAILED/);
    expect(out).toContain(
      'FAILED ExtlClntAppOauthConfigurablePolicies:ISPM_SFDC_Integration_oauthPlcy: duplicate value found: ExternalClientApplicationId duplicates value on Legacy_Policy'
    );
    expect(snapshot(sim())).toBe(before);
  });
});
