import fs from 'node:fs';
import path from 'node:path';
import { calls, run, snapshot, useSimulatedOrg } from '../helpers/simulatedOrg';
import { useThirdVendorProjectAsCwd } from '../helpers/thirdVendor';

/**
 * A vendor added as data only (test/fixtures/third-vendor): a permission set with one permission the
 * shared catalogue lacks (described in its vendor.json), fixed trusted ranges, no integration user
 * and no External Client App. It goes through every offline and org command like the shipped ones.
 */
const ACME = ['--values', 'config/orgs/acme.json', '--vendor', 'acme'];
const HEAD_OFFICE = { start: '198.51.100.0', end: '198.51.100.255', description: 'Head office' };
const PERMSET = 'force-app/acme/main/default/permissionsets/Acme_Posture_Reader.permissionset-meta.xml';

describe('a third vendor described by data only', () => {
  const project = useThirdVendorProjectAsCwd();

  describe('offline', () => {
    it('check passes and writes its package, manifest and review', async () => {
      const { code, out } = await run('check', ...ACME);
      expect(code).toBe(0);
      expect(out).toContain('check passed: acme with config/orgs/acme.json');
      expect(fs.readFileSync(path.join(project(), 'out/acme/package.xml'), 'utf8')).toMatch(
        /<members>Acme_Posture_Reader<\/members>\s*<name>PermissionSet<\/name>/
      );
      expect(fs.readFileSync(path.join(project(), 'out/acme/review.md'), 'utf8')).toContain(
        '| View Health Check | `ViewHealthCheck` |'
      );
    });

    it('check of every vendor together passes with one values file for all three', async () => {
      const example = JSON.parse(fs.readFileSync('config/orgs/example.json', 'utf8')) as {
        vendors: Record<string, unknown>;
      };
      const acme = JSON.parse(fs.readFileSync('config/orgs/acme.json', 'utf8')) as { vendors: Record<string, unknown> };
      fs.writeFileSync(
        'config/orgs/all.json',
        JSON.stringify({ org: 'all', vendors: { ...example.vendors, ...acme.vendors } })
      );
      const { code, out } = await run('check', '--values', 'config/orgs/all.json');
      expect(code).toBe(0);
      for (const title of ['Identity Security Posture Management (ISPM)', 'Reco', 'Acme Posture'])
        expect(out).toContain(`\n${title}\n`);
    });

    it('check names the vendor.json, not source code, when the permission is described nowhere', async () => {
      const file = path.join(project(), 'force-app/acme/vendor.json');
      const entry = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
      delete entry.permissions;
      fs.writeFileSync(file, JSON.stringify(entry));
      const { code, json } = await run('check', ...ACME, '--json');
      expect(code).toBe(1);
      const problems = (
        json().data as { problems: Array<{ file: string; field: string; message: string; fix: string }> }
      ).problems;
      const problem = problems.find((p) => p.field === 'userPermissions ViewHealthCheck');
      expect(problem).toMatchObject({
        file: PERMSET,
        message:
          '"ViewHealthCheck" is not in the permission catalogue, nor described in force-app/acme/vendor.json permissions',
      });
      expect(problem?.fix).toContain('force-app/acme/vendor.json: "permissions": { "ViewHealthCheck"');
      expect(JSON.stringify(problems)).not.toMatch(/\.ts\b/);
    });

    it('check --json gives each vendor.json problem the code a script matches', async () => {
      const file = path.join(project(), 'force-app/acme/vendor.json');
      const entry = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        handoff: Array<Record<string, unknown>>;
        permissions: { ViewHealthCheck: { tier: number } };
      };
      entry.handoff.push({ item: 'Consumer key', from: 'org.consumerKey' });
      entry.permissions.ViewHealthCheck.tier = 5;
      fs.writeFileSync(file, JSON.stringify(entry));
      const { code, json } = await run('check', ...ACME, '--json');
      expect(code).toBe(1);
      const problems = (json().data as { problems: Array<{ code?: string; file: string; field: string }> }).problems;
      const inEntry = problems.filter((p) => p.file === 'force-app/acme/vendor.json');
      expect(inEntry.map(({ code: c, file: f, field }) => ({ code: c, file: f, field }))).toEqual([
        {
          code: 'VendorJsonPermissionTierInvalid',
          file: 'force-app/acme/vendor.json',
          field: 'permissions.ViewHealthCheck.tier',
        },
        { code: 'VendorJsonHandoffKeyWithoutApp', file: 'force-app/acme/vendor.json', field: 'handoff[1].from' },
      ]);
    });

    it('review reports the vendor-described permission with its label and tier, and no integration user', async () => {
      const { code, out } = await run('review', '--vendor', 'acme');
      expect(code).toBe(0);
      expect(out).toContain(
        '| View Health Check | `ViewHealthCheck` | Acme Posture guide, Grant read access: Select View Health Check. | 3 |'
      );
      expect(out).toContain(
        '| View Roles and Role Hierarchy | `ViewRoles` | required by View Setup and Configuration (asked by the guide)'
      );
      expect(out).toContain('Assigned: by a person, to the user the vendor connects as');
      expect(out).toMatch(/### Integration user\n\nNone: this vendor needs no integration user in the org\./);
    });
  });

  describe.each(['enterprise', 'enterprise-shield'] as const)('against a simulated %s org', (shape) => {
    const sim = useSimulatedOrg('prod', () => ({ shape, seed: { trustedRanges: [HEAD_OFFICE] } }));

    it('plan, deploy, verify: the permission set and ranges land, the org keeps its own range, no user or app is made', async () => {
      const plan = await run('plan', '-o', 'prod', ...ACME);
      expect(plan.code).toBe(0);
      expect(plan.out).toContain('create permissionsets/Acme_Posture_Reader.permissionset');
      expect(plan.out).toContain('+ trusted range 192.0.2.128-192.0.2.191 "Acme IP number 1" (Acme)');
      const users = (sim().state.records.get('User') ?? []).length;
      const assignments = (sim().state.records.get('PermissionSetAssignment') ?? []).length;

      const deploy = await run('deploy', '-o', 'prod', ...ACME);
      expect(deploy.code).toBe(0);
      expect(deploy.out).toContain('SUCCEEDED');
      expect(deploy.out).toContain("give acme: Address for Acme's findings: posture-alerts@example.com");
      expect(deploy.out).not.toMatch(/user .*: (created|exists)/);
      expect(sim().state.components.get('PermissionSet:Acme_Posture_Reader')?.xml).toContain(
        '<name>ViewHealthCheck</name>'
      );
      const security = sim().state.components.get('Settings:Security')?.xml ?? '';
      expect(security).toContain('<description>Head office</description>');
      expect(security).toContain('<description>Acme IP number 1</description>');
      expect(security).toContain('<description>Acme IP number 2</description>');
      expect((sim().state.records.get('User') ?? []).length).toBe(users);
      expect((sim().state.records.get('PermissionSetAssignment') ?? []).length).toBe(assignments);
      expect([...sim().state.components.keys()].filter((k) => k.startsWith('ExternalClient'))).toEqual([]);
      expect(calls(sim()).filter((c) => c.startsWith('POST /services/data') && c.includes('/sobjects/User'))).toEqual(
        []
      );

      const verify = await run('verify', '-o', 'prod', ...ACME);
      expect(verify.code).toBe(0);
      expect(verify.out).toContain('prod: VERIFIED');
      expect(verify.out).toContain('ok   permissionsets/Acme_Posture_Reader.permissionset as intended');
      expect(verify.out).toContain('ok   every vendor trusted IP range is present');

      const again = await run('plan', '-o', 'prod', ...ACME);
      expect(again.out).toContain('prod: in sync, a deploy would change nothing');
    });

    it('suspend, activity and offboard have no user to act on: offboard removes only the set and the ranges', async () => {
      expect((await run('deploy', '-o', 'prod', ...ACME)).code).toBe(0);
      const from = sim().requests.length;
      const suspend = await run('suspend', '-o', 'prod', ...ACME);
      expect(suspend.code).toBe(0);
      expect(suspend.out).not.toMatch(/freeze user/);
      expect(suspend.out).toContain('nothing to do');
      const activity = await run('activity', '-o', 'prod', ...ACME, '--json');
      expect(activity.code).toBe(0);
      expect(JSON.stringify(activity.json())).toContain('the vendor has no integration user of its own');
      const offboard = await run('offboard', '-o', 'prod', ...ACME);
      expect(offboard.code).toBe(0);
      expect(offboard.out).toContain('[done] acme: delete PermissionSet:Acme_Posture_Reader');
      expect(offboard.out).toContain(
        '[done] acme: remove trusted ranges Acme IP number 1, Acme IP number 2 (2 removed, 1 other range(s) kept)'
      );
      expect(offboard.out).not.toMatch(/freeze user|deactivate user/);
      // No user looked up by a username the vendor does not have (the queries did run: the sets were read).
      const soql = sim()
        .requests.slice(from)
        .map((r) => r.soql ?? '');
      expect(soql.filter((q) => /FROM PermissionSet\b/.test(q)).length).toBeGreaterThan(0);
      expect(soql.filter((q) => q.includes('FROM User WHERE Username'))).toEqual([]);
      expect(sim().state.components.has('PermissionSet:Acme_Posture_Reader')).toBe(false);
      expect(sim().state.components.get('Settings:Security')?.xml).toContain('<description>Head office</description>');
    });

    it('stage writes what deploy would send, the merged ranges included, and changes nothing', async () => {
      const before = snapshot(sim());
      const { code, out } = await run('stage', '-o', 'prod', ...ACME, '--output-dir', 'out/stage/prod');
      expect(code).toBe(0);
      expect(out).toMatch(/Staged \d+ file\(s\) for prod in out\/stage\/prod/);
      expect(snapshot(sim())).toBe(before);
      const dir = path.join(project(), 'out/stage/prod/force-app/main/default');
      expect(
        fs.readFileSync(path.join(dir, 'permissionsets/Acme_Posture_Reader.permissionset-meta.xml'), 'utf8')
      ).toContain('<name>ViewHealthCheck</name>');
      const security = fs.readFileSync(path.join(dir, 'settings/Security.settings-meta.xml'), 'utf8');
      expect(security).toContain('<description>Head office</description>');
      expect(security).toContain('<description>Acme IP number 2</description>');
    });
  });
});
