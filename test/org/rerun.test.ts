import { calls, run, useSimulatedOrg, writes } from '../helpers/simulatedOrg';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';

const VALUES = ['--values', 'config/orgs/example.json'];
const posts = (list: string[], object: string): string[] =>
  list.filter((c) => c === `POST /services/data/vXX/sobjects/${object}`);

describe('a re-run reads what the org holds instead of relying on its error texts', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it('posts no assignment the users already hold', async () => {
    expect((await run('deploy', '-o', 'prod', ...VALUES)).code).toBe(0);
    expect(posts(writes(sim()), 'PermissionSetAssignment').length).toBeGreaterThan(0);
    sim().requests.length = 0;
    const second = await run('deploy', '-o', 'prod', ...VALUES);
    expect(second.code).toBe(0);
    expect(posts(writes(sim()), 'User')).toEqual([]);
    expect(posts(writes(sim()), 'PermissionSetAssignment')).toEqual([]);
    expect(posts(writes(sim()), 'PermissionSetLicenseAssign')).toEqual([]);
    // Nothing differs, so nothing is deployed: not even the ECA global OAuth settings.
    expect(calls(sim())).not.toContain('deploy');
    expect(second.out).toContain('note: The org already holds every component as intended: nothing was deployed.');
  });

  it("deploys only the component that drifted, and plan says a certificate change would replace the org's", async () => {
    expect((await run('deploy', '-o', 'prod', ...VALUES)).code).toBe(0);
    const key = 'PermissionSet:Reco_Integration';
    const held = sim().state.components.get(key);
    if (!held) throw new Error('Reco_Integration not deployed');
    sim().state.components.set(key, {
      ...held,
      xml: held.xml.replace(
        /\s*<userPermissions>\s*<enabled>true<\/enabled>\s*<name>ViewRoles<\/name>\s*<\/userPermissions>/,
        ''
      ),
    });
    const glbl = 'ExtlClntAppGlobalOauthSettings:ISPM_SFDC_Integration_glbloauth';
    const app = sim().state.components.get(glbl);
    if (!app) throw new Error('global OAuth settings not deployed');
    sim().state.components.set(glbl, {
      ...app,
      xml: app.xml.replace(/<certificate>[^<]*<\/certificate>/, '<certificate>MIIBother</certificate>'),
    });
    const plan = await run('plan', '-o', 'prod', ...VALUES);
    expect(plan.out).toContain(
      'ISPM_SFDC_Integration_glbloauth: the deploy replaces the JWT certificate the org holds'
    );
    sim().requests.length = 0;
    const { code } = await run('deploy', '-o', 'prod', ...VALUES);
    expect(code).toBe(0);
    const deployed = sim().requests.filter((r) => r.soapOp === 'deploy');
    expect(deployed).toHaveLength(1);
    expect(deployed[0]?.members).toEqual([
      'ExtlClntAppGlobalOauthSettings:ISPM_SFDC_Integration_glbloauth',
      'PermissionSet:Reco_Integration',
    ]);
  });
});

describe('a failure after the metadata landed is its own outcome', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it('names the deploy id, what is in the org and how to finish; a second run finishes', async () => {
    // The first three user creates fail: both inside the users' composite call (ISPM's and Reco's),
    // then ISPM's single request, which the deploy falls back to after that call rolled back.
    sim().faults.set({
      onOperation: [1, 2, 3].map((nth) => ({ op: 'sobjects/User', nth, fault: 'serverError' as const })),
    });
    const { code, out } = await run('deploy', '-o', 'prod', ...VALUES);
    expect(code).toBe(1);
    expect(out).toMatch(/prod \(admin\.\d+@sim\.example\.com, 00D\d+\): INCOMPLETE/);
    expect(out).toMatch(
      /the metadata of deploy 0Af\w+ is in the org, but the next step failed: Salesforce refused to create the integration user ispm\.integration@example\.com\.vendoraccess/
    );
    expect(out).toMatch(/Then run the same vendor-access deploy again: it finds what deploy 0Af\w+ left/);
    expect(out).not.toContain('FAILED before deploying');
    expect(out).not.toContain('Nothing was sent to the org');
    expect(sim().state.components.has('PermissionSet:ISPM_SFDC_integration_permission')).toBe(true);
    sim().faults.clear();
    const second = await run('deploy', '-o', 'prod', ...VALUES);
    expect(second.code).toBe(0);
    expect(second.out).toContain('user ispm.integration@example.com.vendoraccess: created');
  });
});
