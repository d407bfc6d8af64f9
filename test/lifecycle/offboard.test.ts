import fs from 'node:fs';
import { calls, run, snapshot, useSimulatedOrg } from '../helpers/simulatedOrg';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import type { OrgSimulator } from '../org-simulator';
import { seedOauthToken } from '../org-simulator/lifecycle';
import { newId, rows } from '../org-simulator/orgState';

const VALUES = ['--values', 'config/orgs/example.json'];
const ISPM_USER = 'ispm.integration@example.com.vendoraccess';
const RECO_USER = 'reco.integration@example.com.vendoraccess';
const OTHER = 'someone.else@example.com';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
const SALES_OPS = {
  type: 'PermissionSet',
  fullName: 'Sales_Ops',
  path: 'permissionsets/Sales_Ops.permissionset',
  xml: `<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet ${NS}>\n    <label>Sales Ops</label>\n</PermissionSet>\n`,
};
const OTHER_APP = {
  type: 'ExternalClientApplication',
  fullName: 'Other_App',
  path: 'externalClientApps/Other_App.eca',
  xml: `<?xml version="1.0" encoding="UTF-8"?>\n<ExternalClientApplication ${NS}>\n    <contactEmail>it@example.com</contactEmail>\n    <distributionState>Local</distributionState>\n    <label>Other App</label>\n</ExternalClientApplication>\n`,
};
const OTHER_POLICY = {
  type: 'ExtlClntAppConfigurablePolicies',
  fullName: 'Other_App_plcy',
  path: 'extlClntAppPolicies/Other_App_plcy.ecaPlcy',
  xml: `<?xml version="1.0" encoding="UTF-8"?>\n<ExtlClntAppConfigurablePolicies ${NS}>\n    <externalClientApplication>Other_App</externalClientApplication>\n    <isEnabled>true</isEnabled>\n    <isOauthPluginEnabled>true</isOauthPluginEnabled>\n    <label>Other App Policies</label>\n</ExtlClntAppConfigurablePolicies>\n`,
};
const HEAD_OFFICE = { start: '198.51.100.0', end: '198.51.100.255', description: 'Head office' };
const VPN = { start: '2001:db8::1', end: '2001:db8::1', description: 'VPN egress' };

const user = (sim: OrgSimulator, username: string): Record<string, unknown> | undefined =>
  rows(sim.state, 'User').find((u) => u.Username === username);
const assign = (sim: OrgSimulator, username: string, permissionSet: string): void => {
  const set = rows(sim.state, 'PermissionSet').find((p) => p.Name === permissionSet);
  rows(sim.state, 'PermissionSetAssignment').push({
    Id: newId('0Pa'),
    AssigneeId: String(user(sim, username)?.Id),
    PermissionSetId: String(set?.Id),
  });
};
const descriptions = (sim: OrgSimulator): string[] =>
  [...(sim.state.components.get('Settings:Security')?.xml ?? '').matchAll(/<description>([^<]*)<\/description>/g)].map(
    (m) => m[1] as string
  );

describe('offboard removes what the vendor owns and only that', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({
    shape: 'enterprise-shield',
    seed: {
      trustedRanges: [HEAD_OFFICE, VPN],
      components: [SALES_OPS, OTHER_APP, OTHER_POLICY],
      users: [{ Username: OTHER, profile: 'Standard User' }],
    },
  }));
  const onboard = async (): Promise<void> => {
    expect((await run('deploy', '-o', 'prod', ...VALUES)).code).toBe(0);
    assign(sim(), OTHER, 'Sales_Ops');
    seedOauthToken(sim().state, ISPM_USER, { AppName: 'ISPM SFDC Integration' });
    seedOauthToken(sim().state, OTHER, { AppName: 'Other App' });
  };

  it('dry run lists every change in dependency order and changes nothing', async () => {
    await onboard();
    const before = snapshot(sim());
    const { code, out } = await run('offboard', '-o', 'prod', '--vendor', 'ispm', ...VALUES, '--dry-run');
    expect(code).toBe(0);
    expect(snapshot(sim())).toBe(before);
    const order = [
      'freeze user',
      'disable External Client App',
      'revoke OAuth token',
      'remove assignment ISPM_SFDC_integration_permission',
      'deactivate user',
      'delete ExtlClntAppGlobalOauthSettings:ISPM_SFDC_Integration_glbloauth',
      'delete ExternalClientApplication:ISPM_SFDC_Integration',
      'delete PermissionSet:ISPM_SFDC_integration_permission',
      'remove trusted ranges ISPM IP number 1',
    ];
    const positions = order.map((o) => out.indexOf(`[would] ispm: ${o}`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(out).toContain('9 removed, 5 other range(s) kept');
    expect(calls(sim()).filter((c) => c === 'deploy')).toHaveLength(1);
  });

  it('offboards ISPM: user deactivated not deleted, app and sets deleted, its ranges gone; everything else kept', async () => {
    await onboard();
    const { code, out } = await run('offboard', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(code).toBe(0);
    expect(out).toContain('offboard SUCCEEDED');
    expect(user(sim(), ISPM_USER)?.IsActive).toBe(false);
    expect(user(sim(), RECO_USER)?.IsActive).toBe(true);
    expect(user(sim(), OTHER)?.IsActive).toBe(true);
    const held = [...sim().state.components.keys()];
    expect(held.filter((k) => k.includes('ISPM'))).toEqual([]);
    expect(held).toEqual(
      expect.arrayContaining([
        'PermissionSet:Sales_Ops',
        'PermissionSet:Reco_Integration',
        'ExternalClientApplication:Other_App',
        'ExtlClntAppConfigurablePolicies:Other_App_plcy',
        'Settings:Event',
        'Settings:RealTimeEvent',
      ])
    );
    expect(descriptions(sim())).toEqual([
      'Head office',
      'VPN egress',
      'Reco IP number 1',
      'Reco IP number 2',
      'Reco IP number 3',
    ]);
    expect(rows(sim().state, 'PermissionSetAssignment').some((a) => a.AssigneeId === user(sim(), OTHER)?.Id)).toBe(
      true
    );
    expect(rows(sim().state, 'OauthToken').map((t) => t.AppName)).toEqual(['Other App']);
    const deploys = calls(sim()).filter((c) => c === 'deploy');
    expect(deploys).toHaveLength(3); // onboarding, disabling the app, the removal
    const second = await run('offboard', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(second.code).toBe(0);
    expect(second.out).toContain('the org holds none of the vendors’ metadata or trusted ranges any more');
    expect(calls(sim()).filter((c) => c === 'deploy')).toHaveLength(3);
  });

  it('offboards Reco (no External Client App): licence assignment removed after the set, Event settings listed and kept', async () => {
    await onboard();
    const eventBefore = sim().state.components.get('Settings:Event')?.xml;
    const { code, out } = await run('offboard', '-o', 'prod', '--vendor', 'reco', ...VALUES);
    expect(code).toBe(0);
    expect(out.indexOf('remove assignment Reco_Integration')).toBeLessThan(
      out.indexOf('remove licence assignment SalesforceAPIIntegrationPsl')
    );
    expect(out).toContain('[kept] reco: keep setting EventSettings');
    expect(sim().state.components.get('Settings:Event')?.xml).toBe(eventBefore);
    expect(rows(sim().state, 'PermissionSetLicenseAssign')).toEqual([]);
    expect(sim().state.components.has('PermissionSet:Reco_Integration')).toBe(false);
    expect(sim().state.components.has('ExternalClientApplication:ISPM_SFDC_Integration')).toBe(true);
    expect(descriptions(sim()).filter((d) => d.startsWith('Reco'))).toEqual([]);
    expect(descriptions(sim())).toHaveLength(11);
  });

  it('keeps a vendor permission set another user still holds, and says offboarding is not complete (68)', async () => {
    await onboard();
    assign(sim(), OTHER, 'ISPM_SFDC_integration_permission');
    const { code, out } = await run('offboard', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(code).toBe(68);
    expect(out).toContain('[SKIPPED] ispm: delete PermissionSet:ISPM_SFDC_integration_permission');
    expect(out).toContain('still assigned to 1 other user(s)');
    expect(sim().state.components.has('PermissionSet:ISPM_SFDC_integration_permission')).toBe(true);
    expect(sim().state.components.has('ExternalClientApplication:ISPM_SFDC_Integration')).toBe(false);
  });

  it('a removal deploy lost to an expired session is partial (68), never success; offboard again finishes it', async () => {
    await onboard();
    const polls = calls(sim()).filter((c) => c === 'checkDeployStatus').length;
    // Poll 1 of this run is the app disable; the removal deploy's first status poll meets an expired session.
    sim().faults.set({ onOperation: [{ op: 'checkDeployStatus', nth: polls + 3, fault: 'expiredSession' }] });
    const { code, out } = await run('offboard', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(code).toBe(68);
    expect(out).toContain('offboard PARTIAL');
    expect(out).toMatch(
      /\[UNKNOWN\] ispm: delete ExternalClientApplication:ISPM_SFDC_Integration[^\n]*\n\s+lost track of deploy 0Af\w+/
    );
    expect(user(sim(), ISPM_USER)?.IsActive).toBe(false);
    expect(sim().state.components.has('ExternalClientApplication:ISPM_SFDC_Integration')).toBe(true);
    sim().faults.clear();
    const again = await run('offboard', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(again.code).toBe(0);
    expect(sim().state.components.has('ExternalClientApplication:ISPM_SFDC_Integration')).toBe(false);
    expect(descriptions(sim())).toEqual([
      'Head office',
      'VPN egress',
      'Reco IP number 1',
      'Reco IP number 2',
      'Reco IP number 3',
    ]);
  });

  it('--restore-settings puts Event Monitoring settings back as the first deploy recorded them; without a record it says so', async () => {
    const eventBefore = sim().state.components.get('Settings:Event')?.xml ?? '';
    const realTimeBefore = sim().state.components.get('Settings:RealTimeEvent')?.xml ?? '';
    await onboard();
    expect(sim().state.components.get('Settings:Event')?.xml).not.toBe(eventBefore);
    const { code, out } = await run('offboard', '-o', 'prod', '--vendor', 'reco', ...VALUES, '--restore-settings');
    expect(code).toBe(0);
    expect(out).toMatch(/\[done\] reco: restore setting EventSettings \(back to the values recorded \d{4}-/);
    expect(sim().state.components.get('Settings:Event')?.xml).toContain(
      '<enableDeleteMonitoringData>true</enableDeleteMonitoringData>'
    );
    expect(sim().state.components.get('Settings:Event')?.xml).toContain(
      '<enableEventLogWaveIntegration>false</enableEventLogWaveIntegration>'
    );
    expect(sim().state.components.get('Settings:RealTimeEvent')?.xml).toBe(realTimeBefore);
    expect(descriptions(sim()).filter((d) => d.startsWith('Reco'))).toEqual([]);
  });
});

describe('offboard --restore-settings without a record of the values before onboarding', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it('keeps the settings, names the missing record, and is partial (68)', async () => {
    expect((await run('deploy', '-o', 'prod', '--vendor', 'reco', ...VALUES)).code).toBe(0);
    for (const f of fs.readdirSync('out/lifecycle'))
      if (f.endsWith('-settings-before.json')) fs.rmSync(`out/lifecycle/${f}`);
    const eventAfterDeploy = sim().state.components.get('Settings:Event')?.xml;
    const { code, out } = await run('offboard', '-o', 'prod', '--vendor', 'reco', ...VALUES, '--restore-settings');
    expect(code).toBe(68);
    expect(out).toMatch(
      /\[SKIPPED\] reco: restore setting EventSettings\n\s+no values recorded before onboarding for this org \(out\/lifecycle\/00D\d+-settings-before\.json/
    );
    expect(sim().state.components.get('Settings:Event')?.xml).toBe(eventAfterDeploy);
  });
});
