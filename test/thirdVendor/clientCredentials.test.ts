import fs from 'node:fs';
import path from 'node:path';
import { calls, run, snapshot, useSimulatedOrg } from '../helpers/simulatedOrg';
import type { OrgSimulator } from '../org-simulator';
import { useClientCredentialsProjectAsCwd } from '../helpers/thirdVendor';

/**
 * A vendor whose app uses the OAuth 2.0 client credentials flow, added as data only
 * (test/fixtures/client-credentials-vendor): permission set, API-only integration user, an External
 * Client App that runs as that user, no certificate and no published ranges.
 */
const LUMEN = ['--values', 'config/orgs/lumen.json', '--vendor', 'lumen'];
const POLICY = 'force-app/lumen/main/default/extlClntAppOauthPolicies/Lumen_Audit_oauthPlcy.ecaOauthPlcy-meta.xml';
const GLOBAL = 'force-app/lumen/main/default/extlClntAppGlobalOauthSets/Lumen_Audit_glbloauth.ecaGlblOauth-meta.xml';

type Problems = Array<{ code?: string; file: string; field: string; message: string; severity?: string }>;

describe('a client-credentials vendor described by data only', () => {
  const project = useClientCredentialsProjectAsCwd();

  describe('offline', () => {
    it('check passes with no certificate and no ranges, and says nothing about either', async () => {
      const { code, out, json } = await run('check', ...LUMEN, '--json');
      expect(out).toContain('"status": 0');
      expect(code).toBe(0);
      const problems = (json().data as { problems: Problems } | undefined)?.problems ?? [];
      expect(problems).toEqual([]);
      const emitted = fs.readFileSync(
        path.join(project(), 'out/lumen/metadata/extlClntAppOauthPolicies/Lumen_Audit_oauthPlcy.ecaOauthPlcy'),
        'utf8'
      );
      expect(emitted).toContain('<clientCredentialsFlowUser>lumen.integration@example.com</clientCredentialsFlowUser>');
    });
    it('env exports the run-as user from the integration username itself (one value, no second copy), for a raw sf deploy', async () => {
      const { code, io } = await run('env', ...LUMEN);
      expect(code).toBe(0);
      expect(io.out.join('\n').split('\n')).toEqual([
        "export LUMEN_CONTACT_EMAIL='salesforce-admins@example.com'",
        "export LUMEN_INTEGRATION_USERNAME='lumen.integration@example.com'",
      ]);
    });

    it('check refuses a certificate on the client-credentials app (a second way in) and the flow off, naming file, field and fix', async () => {
      const global = path.join(project(), GLOBAL);
      fs.writeFileSync(
        global,
        fs
          .readFileSync(global, 'utf8')
          .replace('<isClientCredentialsFlowEnabled>true<', '<isClientCredentialsFlowEnabled>false<')
          .replace(
            '<externalClientApplication>',
            '<certificate>__LUMEN_SERVER_CRT__</certificate>\n    <externalClientApplication>'
          )
      );
      const { code, json } = await run('check', ...LUMEN, '--json');
      expect(code).toBe(1);
      const problems = (json().data as { problems: Problems }).problems.filter((p) => p.file === GLOBAL);
      expect(problems.map(({ code: c, field, message }) => ({ code: c, field, message }))).toEqual([
        {
          code: 'PlaceholderWithoutReplacement',
          field: '__LUMEN_SERVER_CRT__',
          message: 'is a placeholder no sfdx-project.json replacement fills',
        },
        {
          code: 'OauthFlowNeedsTrue',
          field: 'isClientCredentialsFlowEnabled',
          message: 'must be true for the client credentials flow that force-app/lumen/vendor.json names',
        },
        {
          code: 'OauthFlowRefusesElement',
          field: 'certificate',
          message:
            "must not be there: the app's flow is client credentials (force-app/lumen/vendor.json), and this element would open another way in",
        },
      ]);
    });

    it('check refuses a username written into the run-as element: the run-as user is the integration user, filled by deploy', async () => {
      const policy = path.join(project(), POLICY);
      fs.writeFileSync(
        policy,
        fs.readFileSync(policy, 'utf8').replace('__LUMEN_INTEGRATION_USERNAME__', 'someone@example.com')
      );
      const { code, json } = await run('check', ...LUMEN, '--json');
      expect(code).toBe(1);
      const problems = (json().data as { problems: Problems }).problems;
      expect(problems.map((p) => [p.code, p.file, p.field])).toEqual([
        ['RunAsUserNotFromIntegrationUser', POLICY, 'clientCredentialsFlowUser'],
        ['GuideStepValueNotFromValue', 'force-app/lumen/vendor.json', 'guideSteps[7].implementedBy[1]'],
      ]);
    });

    it("check proves each guide step's claim: a step naming an element that is not there fails", async () => {
      const file = path.join(project(), 'force-app/lumen/vendor.json');
      const entry = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        guideSteps: Array<{ implementedBy?: Array<Record<string, string>> }>;
      };
      const claim = entry.guideSteps[1]?.implementedBy?.[0] as Record<string, string>;
      claim.path = 'userPermissions[name=ModifyAllData]/enabled';
      fs.writeFileSync(file, JSON.stringify(entry));
      const { code, json } = await run('check', ...LUMEN, '--json');
      expect(code).toBe(1);
      expect((json().data as { problems: Problems }).problems).toEqual([
        expect.objectContaining({
          code: 'GuideStepElementMissing',
          file: 'force-app/lumen/vendor.json',
          field: 'guideSteps[1].implementedBy[0]',
          message:
            'claims step lumen-ps-ApiEnabled is implemented at userPermissions[name=ModifyAllData]/enabled, which force-app/lumen/main/default/permissionsets/Lumen_Audit_Reader.permissionset-meta.xml does not have',
        }),
      ]);
    });

    it('review names the flow, the credential (consumer key and secret), who holds it and what the org limits', async () => {
      const { code, out } = await run('review', '--vendor', 'lumen');
      expect(code).toBe(0);
      expect(out).toContain(
        'OAuth flow: OAuth 2.0 client credentials (External Client App Lumen_Audit, run as the integration user).'
      );
      expect(out).toContain(
        'Credential that grants access: the consumer key and consumer secret of Lumen_Audit: whoever holds both gets a token as the run-as user'
      );
      expect(out).toContain("What the org limits: the integration user's permission sets (Lumen_Audit_Reader)");
      expect(out).toContain('a stolen consumer key and secret or token works from anywhere');
      expect(out).not.toContain('stolen private key');
      expect(out).toContain(
        '- clientCredentialsFlowUser: `the integration user deploy sets up (in a sandbox, its copy)`'
      );
    });
  });

  /** The consumer secret Setup would show, in a file of the given mode (never a flag value). */
  const secretFile = (sim: OrgSimulator, mode = 0o600, secret?: string): string => {
    const file = path.join(project(), 'lumen.secret');
    fs.writeFileSync(file, `${secret ?? sim.state.consumerSecrets.get('Lumen_Audit') ?? ''}\n`, { mode });
    fs.chmodSync(file, mode);
    return 'lumen.secret';
  };
  const policyXml = (sim: OrgSimulator): string =>
    [...sim.state.components.values()].find((c) => c.type === 'ExtlClntAppOauthConfigurablePolicies')?.xml ?? '';

  describe('against a simulated production org', () => {
    const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise' }));

    it('plan shows the run-as user and that the policy naming it comes after the user; deploy creates the user before the policy names it', async () => {
      const plan = await run('plan', '-o', 'prod', ...LUMEN);
      expect(plan.code).toBe(0);
      expect(plan.out).toContain('create user lumen.integration@example.com (lumen)');
      expect(plan.out).toContain(
        "note: lumen: Lumen_Audit runs as lumen.integration@example.com (client credentials flow), who does not exist yet: the app's OAuth policy goes with the flow off, and a second deploy names lumen.integration@example.com once the user is set up."
      );
      const from = sim().requests.length;
      const deploy = await run('deploy', '-o', 'prod', ...LUMEN);
      expect(deploy.code).toBe(0);
      expect(deploy.out).toContain('SUCCEEDED');
      expect(deploy.out).toMatch(/Lumen_Audit now runs as lumen\.integration@example\.com \(deploy \w+\)/);
      // Order: the first deploy (flow off, nobody named), the user, then a deploy of the policy naming it.
      const sent = sim().requests.slice(from);
      const deploys = sent.flatMap((r, i) => (r.soapOp === 'deploy' ? [i] : []));
      const userAt = sent.findIndex((r) =>
        (r.subrequests ?? [r]).some((x) => x.method === 'POST' && x.path.endsWith('/sobjects/User'))
      );
      expect(deploys).toHaveLength(2);
      expect(deploys[0]).toBeLessThan(userAt);
      expect(deploys[1]).toBeGreaterThan(userAt);
      expect(sent[deploys[1] ?? 0]?.members).toEqual(['ExtlClntAppOauthConfigurablePolicies:Lumen_Audit_oauthPlcy']);
      expect(policyXml(sim())).toContain(
        '<clientCredentialsFlowUser>lumen.integration@example.com</clientCredentialsFlowUser>'
      );
      expect(policyXml(sim())).toContain('<isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>');
      // The handoff: My Domain URL, the consumer key, where to copy the secret; never the secret; no email step.
      expect(deploy.out).toContain(`give lumen: My Domain URL (Lumen asks for its tokens there): ${sim().instanceUrl}`);
      expect(deploy.out).toContain(
        `give lumen: Consumer key of the Lumen Audit External Client App: ${
          sim().state.consumerKeys.get('Lumen_Audit') ?? ''
        }`
      );
      expect(deploy.out).toMatch(
        /Consumer secret of the Lumen Audit External Client App.*Setup > External Client Apps/s
      );
      expect(deploy.out).not.toContain(sim().state.consumerSecrets.get('Lumen_Audit') ?? 'no secret');
      expect(deploy.out).not.toMatch(/verification email|emailed/);
      const again = await run('plan', '-o', 'prod', ...LUMEN);
      expect(again.out).toContain('prod: in sync, a deploy would change nothing');
      expect(again.out).toContain(
        'note: lumen: Lumen_Audit runs as lumen.integration@example.com (client credentials flow).'
      );
    });

    it('verify logs in with the consumer secret from a 0600 file and proves the token runs as the run-as user; the secret is never printed', async () => {
      expect((await run('deploy', '-o', 'prod', ...LUMEN)).code).toBe(0);
      const file = secretFile(sim());
      const verify = await run('verify', '-o', 'prod', ...LUMEN, '--consumer-secret-file', file, '--json');
      const secret = sim().state.consumerSecrets.get('Lumen_Audit') ?? 'no secret';
      expect(JSON.stringify(verify.json())).not.toContain(secret);
      const org = (
        verify.json().result as { orgs: Array<{ ok: boolean; findings: Array<{ code: string; what: string }> }> }
      ).orgs[0];
      expect(
        org?.findings.filter((f) => f.code.startsWith('ClientCredentials') || f.code.startsWith('AppCertificate'))
      ).toEqual([
        {
          // The JUnit case of this login keeps its name whatever the outcome (the check).
          check: 'client credentials login Lumen_Audit',
          code: 'ClientCredentialsLoginSucceeded',
          ok: true,
          what: "client credentials login to Lumen_Audit succeeded and runs as lumen.integration@example.com, the app's run-as user",
        },
      ]);
      expect(verify.code).toBe(0);
      const tokenCalls = sim().requests.filter((r) => r.path === '/services/oauth2/token');
      expect(tokenCalls.map((r) => r.grantType)).toEqual(['client_credentials']);
    });

    it('verify refuses a secret file others can read, before contacting the org, and names a wrong secret as invalid_client', async () => {
      expect((await run('deploy', '-o', 'prod', ...LUMEN)).code).toBe(0);
      const before = sim().requests.length;
      const open = await run('verify', '-o', 'prod', ...LUMEN, '--consumer-secret-file', secretFile(sim(), 0o644));
      expect(open.code).toBe(1);
      expect(open.out).toContain('lumen.secret can be read by others (mode 644)');
      expect(open.out).toContain('chmod 600 lumen.secret');
      expect(sim().requests.length).toBe(before);
      const wrong = await run(
        'verify',
        '-o',
        'prod',
        ...LUMEN,
        '--consumer-secret-file',
        secretFile(sim(), 0o600, 'NOT-THE-SECRET'),
        '--json'
      );
      expect(wrong.code).toBe(1);
      expect(JSON.stringify(wrong.json())).toContain('invalid_client: invalid client credentials');
      expect(JSON.stringify(wrong.json())).toContain('"refusal":"ClientCredentialsSecretWrong"');
      expect(JSON.stringify(wrong.json())).not.toContain('NOT-THE-SECRET');
    });

    it('suspend disables the app and freezes the run-as user (the vendor cannot get a token); resume lets it in again; offboard removes the app', async () => {
      expect((await run('deploy', '-o', 'prod', ...LUMEN)).code).toBe(0);
      const file = secretFile(sim());
      const suspend = await run('suspend', '-o', 'prod', ...LUMEN);
      expect(suspend.code).toBe(0);
      expect(suspend.out).toMatch(/\[done\] lumen: freeze user lumen\.integration@example\.com/);
      expect(suspend.out).toMatch(/\[done\] lumen: disable External Client App Lumen_Audit/);
      const refused = await run('verify', '-o', 'prod', ...LUMEN, '--consumer-secret-file', file, '--json');
      expect(refused.code).toBe(1);
      expect(JSON.stringify(refused.json())).toContain('"refusal":"ClientCredentialsConsumerKeyUnknown"');
      const resume = await run('resume', '-o', 'prod', ...LUMEN);
      expect(resume.code).toBe(0);
      expect(resume.out).toContain('Nothing to redo: Lumen asks for a new token');
      const back = await run('verify', '-o', 'prod', ...LUMEN, '--consumer-secret-file', file);
      expect(back.code).toBe(0);
      const offboard = await run('offboard', '-o', 'prod', ...LUMEN);
      expect(offboard.code).toBe(0);
      expect(offboard.out).toMatch(/\[done\] lumen: delete ExternalClientApplication:Lumen_Audit/);
      expect(offboard.out).toMatch(/\[done\] lumen: deactivate user lumen\.integration@example\.com/);
      expect([...sim().state.components.keys()].filter((k) => k.includes('Lumen'))).toEqual([]);
    });

    it('stage writes the policy with the flow off and nobody named while the user does not exist, and changes nothing', async () => {
      const before = snapshot(sim());
      const { code, out } = await run('stage', '-o', 'prod', ...LUMEN, '--output-dir', 'out/stage/prod');
      expect(code).toBe(0);
      expect(out).toContain(
        'Lumen_Audit runs as lumen.integration@example.com (client credentials flow), who does not exist yet'
      );
      expect(snapshot(sim())).toBe(before);
      const staged = fs.readFileSync(
        path.join(
          project(),
          'out/stage/prod/force-app/main/default/extlClntAppOauthPolicies/Lumen_Audit_oauthPlcy.ecaOauthPlcy-meta.xml'
        ),
        'utf8'
      );
      expect(staged).not.toContain('clientCredentialsFlowUser');
      expect(staged).toContain('<isClientCredentialsFlowEnabled>false</isClientCredentialsFlowEnabled>');
    });
  });

  describe('against a sandbox refreshed from production', () => {
    const COPY = 'lumen.integration@example.com.uat';
    const sim = useSimulatedOrg('uat', () => ({
      shape: 'enterprise-sandbox',
      sandbox: { name: 'uat' },
      seed: {
        productionUsers: [
          { Username: 'lumen.integration@example.com', profile: 'Minimum Access - API Only Integrations' },
        ],
      },
    }));

    it('the app runs as the sandbox copy deploy reuses, in one deploy (the user exists), and verify proves it', async () => {
      const plan = await run('plan', '-o', 'uat', ...LUMEN);
      expect(plan.out).toContain(`note: lumen: Lumen_Audit runs as ${COPY} (client credentials flow).`);
      const deploy = await run('deploy', '-o', 'uat', ...LUMEN);
      expect(deploy.code).toBe(0);
      expect(calls(sim()).filter((c) => c === 'deploy')).toHaveLength(1);
      expect(policyXml(sim())).toContain(`<clientCredentialsFlowUser>${COPY}</clientCredentialsFlowUser>`);
      const verify = await run('verify', '-o', 'uat', ...LUMEN, '--consumer-secret-file', secretFile(sim()));
      expect(verify.out).toContain(`client credentials login to Lumen_Audit succeeded and runs as ${COPY}`);
      expect(verify.code).toBe(0);
    });
  });
});
