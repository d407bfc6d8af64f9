import fs from 'node:fs';
import path from 'node:path';
import { calls, run, useSimulatedOrg, writes } from '../helpers/simulatedOrg';
import { deployStaged } from '../helpers/deployStaged';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import type { OrgSimulator } from '../org-simulator';
import { failures } from '../org-simulator/deploySource';
import { rows } from '../org-simulator/orgState';

// Issue 19 item 4: the Metadata API guide's type pages ask the deploying user for
// ExternalClientAppAdmin (OAuth policies, app policies) and ViewClientSecret (global OAuth
// settings, OAuth settings).
const VALUES = ['--values', 'config/orgs/example.json'];
const LACKS = ['ExternalClientAppAdmin', 'ViewClientSecret'];

/** Takes the permissions away from the admin's profile, as an admin editing it in Setup would. */
const revoke = (sim: OrgSimulator, permissions: string[]): void => {
  for (const set of rows(sim.state, 'PermissionSet').filter((p) => p.IsOwnedByProfile === true))
    for (const p of permissions) set[`Permissions${p}`] = false;
};

const MISSING = [
  'the deploying user lacks ExternalClientAppAdmin (View all External Client Apps, view their settings, and edit their policies), which deploying ExtlClntAppConfigurablePolicies, ExtlClntAppOauthConfigurablePolicies needs',
  'the deploying user lacks ViewClientSecret (View External Client App Consumer Secrets in Metadata), which deploying ExtlClntAppGlobalOauthSettings, ExtlClntAppOauthSettings needs',
];

describe('a deploying user without the External Client App permissions', () => {
  const project = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield', seed: { adminLacks: LACKS } }));

  it('deploy names each missing permission and the fix before anything is sent', async () => {
    const { code, out } = await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm');
    expect(code).toBe(1);
    for (const text of MISSING) expect(out).toContain(text);
    expect(out).toContain('Assign the deploying user a permission set with ViewClientSecret');
    expect([...calls(sim()).filter((c) => c === 'deploy'), ...writes(sim())]).toEqual([]);
  });

  it('stage refuses the same way and writes nothing', async () => {
    const { code, out } = await run('stage', '-o', 'prod', ...VALUES, '--vendor', 'ispm', '--output-dir', 'out/s');
    expect(code).toBe(1);
    for (const text of MISSING) expect(out).toContain(text);
    expect(fs.existsSync(path.join(project(), 'out/s/force-app'))).toBe(false);
  });
});

describe('the permissions taken away after staging', () => {
  const project = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it('a raw SDR deploy of the staged folder is refused by the org for each of those components', async () => {
    expect((await run('stage', '-o', 'prod', ...VALUES, '--vendor', 'ispm', '--output-dir', 'out/s')).code).toBe(0);
    revoke(sim(), LACKS);
    const result = await deployStaged(sim(), path.join(project(), 'out/s'));
    const refused = failures(result).filter((f) => f.includes('Insufficient Privileges'));
    expect(refused.map((f) => f.split(':')[0]).sort()).toEqual([
      'ExtlClntAppConfigurablePolicies',
      'ExtlClntAppGlobalOauthSettings',
      'ExtlClntAppOauthConfigurablePolicies',
      'ExtlClntAppOauthSettings',
    ]);
    expect(result.response.status).toBe('Failed');
  });

  it('suspend reports the app switch refused and still freezes the user', async () => {
    expect((await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm')).code).toBe(0);
    revoke(sim(), ['ExternalClientAppAdmin']);
    const { out } = await run('suspend', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(out).toMatch(
      /\[FAILED\] ispm: disable External Client App ISPM_SFDC_Integration[^\n]*\n[^\n]*Insufficient Privileges/
    );
    expect(out).toMatch(/\[done\] ispm: freeze user/);
  });
});
