import fs from 'node:fs';
import path from 'node:path';
import { calls, run, snapshot, useSimulatedOrg, writes } from '../helpers/simulatedOrg';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';

const UNRELATED_PERMSET = {
  type: 'PermissionSet',
  fullName: 'Sales_Ops',
  path: 'permissionsets/Sales_Ops.permissionset',
  xml: '<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>Sales Ops</label>\n    <userPermissions>\n        <enabled>true</enabled>\n        <name>ApiEnabled</name>\n    </userPermissions>\n</PermissionSet>\n',
};
const HEAD_OFFICE = { start: '198.51.100.0', end: '198.51.100.255', description: 'Head office' };
const VPN = { start: '2001:db8::1', end: '2001:db8::1', description: 'VPN egress' };
const VALUES = ['--values', 'config/orgs/example.json'];

describe('deploy against an org that already has things', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({
    shape: 'enterprise-shield',
    seed: { trustedRanges: [HEAD_OFFICE, VPN], components: [UNRELATED_PERMSET] },
  }));

  it('deploys both vendors, keeps every existing range and the unrelated permission set, creates and assigns the users', async () => {
    const { code, out } = await run('deploy', '-o', 'prod', ...VALUES);
    expect(code).toBe(0);
    expect(out).toMatch(/prod \(admin\.\d+@sim\.example\.com, 00D\d+\): SUCCEEDED/);
    expect(out).toContain('trusted IP ranges: 12 added, 2 existing kept, 14 in all');
    const security = sim().state.components.get('Settings:Security')?.xml ?? '';
    for (const kept of ['Head office', 'VPN egress', 'ISPM IP number 1', 'ISPM IP number 9', 'Reco IP number 3'])
      expect(security).toContain(`<description>${kept}</description>`);
    expect(sim().state.components.get('PermissionSet:Sales_Ops')?.xml).toBe(UNRELATED_PERMSET.xml);
    const users = sim().state.records.get('User') ?? [];
    expect(users.map((u) => u.Username)).toEqual(
      expect.arrayContaining(['ispm.integration@example.com.vendoraccess', 'reco.integration@example.com.vendoraccess'])
    );
    expect(out).toContain('assigned SalesforceAPIIntegrationPsl, Reco_Integration');
    // The org's own dependency closure was added from PermissionDependency, not guessed.
    expect(out).toContain(
      "note: ISPM_SFDC_integration_permission: ViewAllData requires ViewEventLogFiles (View Event Log Files) in this org (the org's PermissionDependency); added."
    );
    expect(sim().state.components.get('PermissionSet:ISPM_SFDC_integration_permission')?.xml).toContain(
      '<name>ViewEventLogFiles</name>'
    );
  });

  it('is a no-op the second time: plan shows nothing to do, deploy adds no range and no assignment', async () => {
    expect((await run('deploy', '-o', 'prod', ...VALUES)).code).toBe(0);
    const assignments = (sim().state.records.get('PermissionSetAssignment') ?? []).length;
    const plan = await run('plan', '-o', 'prod', ...VALUES);
    expect(plan.code).toBe(0);
    expect(plan.out).toContain('prod: in sync, a deploy would change nothing');
    const second = await run('deploy', '-o', 'prod', ...VALUES);
    expect(second.code).toBe(0);
    expect(second.out).toContain('trusted IP ranges: 0 added, 14 existing kept, 14 in all');
    expect(second.out).toContain(
      'user reco.integration@example.com.vendoraccess: exists (Minimum Access - API Only Integrations); assigned nothing new'
    );
    expect((sim().state.records.get('PermissionSetAssignment') ?? []).length).toBe(assignments);
  });

  it('plan --json gives machines the same plan in a stable envelope', async () => {
    const { code, json } = await run('plan', '-o', 'prod', ...VALUES, '--json');
    expect(code).toBe(0);
    const envelope = json() as {
      status: number;
      result: { orgs: Array<{ targetOrg: string; inSync: boolean; users: Array<{ action: string }> }> };
    };
    expect(envelope.status).toBe(0);
    expect(envelope.result.orgs[0]).toMatchObject({ targetOrg: 'prod', inSync: false });
    expect(envelope.result.orgs[0]?.users.map((u) => u.action)).toEqual(['create', 'create']);
  });

  it('plan shows, value by value, what the first deploy will do', async () => {
    const plan = await run('plan', '-o', 'prod', ...VALUES);
    expect(plan.out).toContain('create permissionsets/ISPM_SFDC_integration_permission.permissionset');
    expect(plan.out).toContain(
      'update settings/Event.settings\n    ~ enableDeleteMonitoringData: true → false\n    ~ enableEventLogWaveIntegration: false → true'
    );
    expect(plan.out).toContain('  + trusted range 18.98.16.160-18.98.16.191 "ISPM IP number 1" (ISPM)');
    expect(plan.out).toContain('  trusted ranges kept: 2');
    expect(plan.out).toContain('  create user reco.integration@example.com.vendoraccess (reco)');
  });

  it('dry run validates with a check-only deploy and changes nothing', async () => {
    const before = snapshot(sim());
    const { code, out } = await run('deploy', '-o', 'prod', ...VALUES, '--dry-run');
    expect(code).toBe(0);
    expect(out).toMatch(/prod \(admin\.\d+@sim\.example\.com, 00D\d+\): VALIDATED/);
    expect(snapshot(sim())).toBe(before);
    expect(calls(sim())).toContain('deploy');
    expect(writes(sim())).toEqual([]);
  });

  it('verify passes after deploy and reads back every setting', async () => {
    await run('deploy', '-o', 'prod', ...VALUES);
    const { code, out } = await run('verify', '-o', 'prod', ...VALUES);
    expect(code).toBe(0);
    expect(out).toContain('prod: VERIFIED');
    expect(out).toContain('ok   permissionsets/Reco_Integration.permissionset as intended');
    expect(out).toContain('ok   every vendor trusted IP range is present');
    expect(out).toMatch(/ok {3}ISPM_SFDC_Integration: certificate [0-9A-F:]+… valid for \d+ more day\(s\)/);
  });

  it('verify fails, naming what differs, before any deploy', async () => {
    const { code, out } = await run('verify', '-o', 'prod', ...VALUES);
    expect(code).toBe(1);
    expect(out).toContain('prod: NOT AS INTENDED');
    expect(out).toContain('FAIL permissionsets/Reco_Integration.permissionset is missing');
    expect(out).toContain('FAIL integration user ispm.integration@example.com.vendoraccess does not exist');
  });

  it('verify --json names each finding with a stable code that scripts can match, passing ones too', async () => {
    const { code, json } = await run('verify', '-o', 'prod', ...VALUES, '--json');
    expect(code).toBe(1);
    const envelope = json() as {
      result: { orgs: Array<{ findings: Array<{ code: string; ok: boolean; what: string; fix?: string }> }> };
    };
    const findings = envelope.result.orgs[0]?.findings ?? [];
    expect(findings).toContainEqual({
      check: 'integration user ispm.integration@example.com.vendoraccess',
      code: 'IntegrationUserMissing',
      ok: false,
      what: 'integration user ispm.integration@example.com.vendoraccess does not exist',
      fix: 'Run vendor-access deploy; it creates the user.',
    });
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: 'ComponentMissing',
        what: 'permissionsets/Reco_Integration.permissionset is missing',
      })
    );
    expect(findings).toContainEqual(expect.objectContaining({ code: 'TrustedRangeMissing', ok: false }));

    expect((await run('deploy', '-o', 'prod', ...VALUES)).code).toBe(0);
    // Someone turns View All Data off in the org: drift.
    const held = sim().state.components.get('PermissionSet:ISPM_SFDC_integration_permission');
    if (held) held.xml = held.xml.replace(/(<enabled>)true(<\/enabled>\s*<name>ViewAllData<\/name>)/, '$1false$2');
    const drifted = await run('verify', '-o', 'prod', ...VALUES, '--json');
    expect(drifted.code).toBe(1);
    const after = (drifted.json() as typeof envelope).result.orgs[0]?.findings ?? [];
    expect(after).toContainEqual({
      check: 'component permissionsets/ISPM_SFDC_integration_permission.permissionset',
      code: 'ComponentDiffers',
      ok: false,
      what: 'permissionsets/ISPM_SFDC_integration_permission.permissionset differs',
      detail: '~ userPermissions[ViewAllData]/enabled: false → true',
      fix: 'Run vendor-access deploy; then verify again.',
    });
    expect(after).toContainEqual({
      check: 'component permissionsets/Reco_Integration.permissionset',
      code: 'ComponentAsIntended',
      ok: true,
      what: 'permissionsets/Reco_Integration.permissionset as intended',
    });
    expect(after).toContainEqual(expect.objectContaining({ code: 'IntegrationUserAsIntended', ok: true }));
    expect(after).toContainEqual({
      check: 'trusted IP ranges',
      code: 'TrustedRangesPresent',
      ok: true,
      what: 'every vendor trusted IP range is present',
    });
  });
});

describe('preflight blocks before any deploy call', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('noshield', () => ({
    shape: 'enterprise',
    seed: {
      adminLacks: ['ManageUsers', 'ManageInternalUsers'],
      loginIpRanges: [{ profile: 'Minimum Access - API Only Integrations', start: '10.0.0.1', end: '10.0.0.9' }],
    },
  }));

  it('lists every problem with its fix, exit 1, and never calls deploy', async () => {
    const before = snapshot(sim());
    const { code, out } = await run('deploy', '-o', 'noshield', ...VALUES);
    expect(code).toBe(1);
    // Event Monitoring is optional for Reco: its absence is a gap, not an error (test/org/orgFeatures.test.ts).
    expect(out).not.toContain('[userPermissions ViewEventLogFiles]');
    expect(out).not.toContain('enableExternalClientApps');
    expect(out).toContain(
      'the deploying user cannot create the integration users: it has neither Manage Users nor Manage Internal Users'
    );
    expect(out).toContain(
      // A warning is said once for the run, with its orgs, among the output's warnings.
      'Warning: noshield: force-app/reco/users/integration-user.json [profile]: profile "Minimum Access - API Only Integrations" of reco.integration@example.com.vendoraccess has 1 login IP range(s)'
    );
    expect(out).toContain('Nothing was sent to the org.');
    expect(calls(sim())).not.toContain('deploy');
    expect(snapshot(sim())).toBe(before);
  });

  it('plan --json names each problem with a stable code that scripts can match', async () => {
    const { code, json } = await run('plan', '-o', 'noshield', ...VALUES, '--json');
    expect(code).toBe(1);
    const envelope = json() as {
      result: { orgs: Array<{ problems: Array<{ code: string; severity: string; field: string }> }> };
    };
    const problems = envelope.result.orgs[0]?.problems ?? [];
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'DeployerCannotCreateUsers', severity: 'error', field: 'permissions' })
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'ProfileLoginIpRangesWithVendorAdvice', severity: 'warning', field: 'profile' })
    );
  });

  it('dry run blocks the same way', async () => {
    const { code } = await run('deploy', '-o', 'noshield', ...VALUES, '--dry-run');
    expect(code).toBe(1);
    expect(calls(sim())).not.toContain('deploy');
  });
});

describe('pipelines: an access token with SF_ORG_INSTANCE_URL, no login', () => {
  const project = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('unused', () => ({ shape: 'enterprise-shield' }));

  it('deploys, and never prints the token or puts it in a file name', async () => {
    process.env.SF_ORG_INSTANCE_URL = sim().instanceUrl;
    try {
      const { code, out } = await run('deploy', '-o', sim().accessToken, ...VALUES, '--vendor', 'ispm');
      expect(code).toBe(0);
      // One label: the org id is not said twice.
      expect(out).toMatch(/^00D\d+ \(access token\): SUCCEEDED$/m);
      expect(out).not.toMatch(/\(access token\) \(00D/);
      expect(out).not.toContain(sim().accessToken);
      expect(fs.readdirSync(path.join(project(), 'out/deploys')).join(' ')).not.toContain('!');
      const missing = await run('plan', '-o', sim().accessToken, ...VALUES);
      expect(missing.out).not.toContain(sim().accessToken);
    } finally {
      delete process.env.SF_ORG_INSTANCE_URL;
    }
  });

  it('says what to set when SF_ORG_INSTANCE_URL is missing', async () => {
    const { code, out } = await run('plan', '-o', sim().accessToken, ...VALUES);
    expect(code).toBe(1);
    expect(out).toContain(
      '--target-org is an access token, but SF_ORG_INSTANCE_URL is not set, so there is no org to send it to.'
    );
    expect(out).not.toContain(sim().accessToken);
  });
});

describe('preflight checks the deploying user’s own rights', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('weak', () => ({
    shape: 'enterprise-shield',
    seed: { adminLacks: ['ModifyAllData', 'ManageUsers', 'ManageInternalUsers'] },
  }));

  it('blocks before any deploy call when the deployer could not finish the job', async () => {
    const { code, out } = await run('deploy', '-o', 'weak', ...VALUES);
    expect(code).toBe(1);
    expect(out).toContain(
      'ERROR weak: deploying user [permissions]: the deploying user cannot create the integration users: it has neither Manage Users nor Manage Internal Users'
    );
    expect(out).not.toContain('cannot deploy metadata');
    expect(calls(sim())).not.toContain('deploy');
  });
});
