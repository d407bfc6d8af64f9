import fs from 'node:fs';
import path from 'node:path';
import { Lifecycle } from '@salesforce/core';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { run } from '../helpers/simulatedOrg';
import { OrgSimulator, OrgSimulatorOptions, startOrgSimulator } from '../org-simulator';
import { loginWithAlias } from '../org-simulator/connect';
import { seedLogin } from '../org-simulator/lifecycle';

const VALUES = ['--values', 'config/orgs/example.json'];
const ISPM = 'ispm.integration@example.com.vendoraccess';
const RECO = 'reco.integration@example.com.vendoraccess';
const PERMSET = 'PermissionSet:ISPM_SFDC_integration_permission';

// Sandboxes holding their copies of production's users share one values file (test/org/sandbox.test.ts).
const sandbox = (name: string): OrgSimulatorOptions => ({
  shape: 'enterprise-shield',
  sandbox: { name },
  seed: {
    productionUsers: [
      { Username: ISPM, profile: 'Standard User' },
      { Username: RECO, profile: 'Minimum Access - API Only Integrations' },
    ],
  },
});

const caseNames = (xml: string): string[] =>
  [...xml.matchAll(/<testcase classname="([^"]+)" name="([^"]+)"/g)].map((m) => `${m[1] ?? ''} ${m[2] ?? ''}`);

describe('verify --format markdown and --junit over a fleet: 4 orgs, one drifted, one unreachable', () => {
  const dir = useProjectCopyAsCwd();
  const sims: Record<string, OrgSimulator> = {};
  beforeEach(async () => {
    Lifecycle.getInstance().onWarning(async () => {});
    for (const name of ['qa', 'dev', 'uat', 'gone']) {
      sims[name] = await startOrgSimulator(sandbox(name));
      await loginWithAlias(sims[name], name);
    }
    const deployed = await run('deploy', '-o', 'qa', '-o', 'dev', '-o', 'uat', ...VALUES, '--concurrency', '1');
    expect(deployed.code).toBe(0);
    // The vendor logged in to qa as its integration user; to the others never.
    seedLogin((sims.qa as OrgSimulator).state, `${ISPM}.qa`, {
      LoginTime: '2026-12-05T09:12:44.000+0000',
      SourceIp: '203.0.113.9',
    });
    // "gone" was logged in, then its org went away: verify cannot reach it.
    await sims.gone?.stop();
  });
  afterEach(async () => {
    for (const sim of Object.values(sims)) await sim.stop();
  });

  const verify = (...more: string[]): ReturnType<typeof run> =>
    run('verify', '-o', 'qa', '-o', 'dev', '-o', 'uat', '-o', 'gone', ...VALUES, '--concurrency', '4', ...more);

  it('prints one table row per org, worst first, with failing checks, certificate days and last vendor login; details folded', async () => {
    const held = sims.dev?.state.components.get(PERMSET);
    if (held) held.xml = held.xml.replace(/(<enabled>)true(<\/enabled>\s*<name>ViewAllData<\/name>)/, '$1false$2');
    const { code, io } = await verify('--format', 'markdown');
    // Some orgs verified, some not: 68, as every org command's table says.
    expect(code).toBe(68);
    const md = io.out.join('');
    const lines = md.split('\n');
    expect(lines[0]).toBe('## vendor-access verify: 2 of 4 org(s) need attention');
    const table = lines.slice(2, lines.indexOf('', 2));
    expect(table[0]).toBe('| Org | Status | Failing checks | Certificate days left | Last vendor login |');
    const rows = table.slice(2).map((r) =>
      r
        .split(/(?<!\\)\|/)
        .map((c) => c.trim())
        .slice(1, -1)
    );
    expect(rows.map((r) => [r[0], r[1]?.replace(/,.*$/, '')])).toEqual([
      ['gone', '❌ unreachable'],
      ['dev', '❌ drifted'],
      ['qa', expect.stringMatching(/verified/)],
      ['uat', expect.stringMatching(/verified/)],
    ]);
    expect(rows[0]?.[2]).toMatch(/^cannot verify: /);
    expect(rows[1]?.[2]).toBe('component permissionsets/ISPM_SFDC_integration_permission.permissionset');
    // The example's one External Client App (ISPM's), its certificate as the org holds it.
    for (const row of rows.slice(1)) expect(row[3]).toMatch(/^\d+$/);
    expect(rows[2]?.[4]).toBe('ispm: 2026-12-05 09:12; reco: never');
    expect(rows[3]?.[4]).toBe('ispm: never; reco: never');
    // Each org's findings folded below, failing first, with what differs and the fix.
    const dev = md.slice(md.indexOf('<details><summary>dev: 1 failing check(s)'));
    expect(dev.split('\n')[2]).toMatch(
      /^- ❌ \*\*component permissionsets\/ISPM_SFDC_integration_permission.permissionset\*\*: .*ViewAllData.*<br>Fix: Run vendor-access deploy; then verify again.$/
    );
    expect(md.match(/<details>/g)).toHaveLength(4);
    expect(md.match(/<\/details>/g)).toHaveLength(4);
  });

  it('names each JUnit test case by its check: the same names whether the org passes or drifted; time on each; warnings skipped', async () => {
    const first = await verify('--junit', 'out/junit/pass.xml');
    expect(first.code).toBe(68); // gone is unreachable, the others verified
    const held = sims.dev?.state.components.get(PERMSET);
    if (held) held.xml = held.xml.replace(/(<enabled>)true(<\/enabled>\s*<name>ViewAllData<\/name>)/, '$1false$2');
    await verify('--junit', 'out/junit/drift.xml');
    const pass = fs.readFileSync(path.join(dir(), 'out/junit/pass.xml'), 'utf8');
    const drift = fs.readFileSync(path.join(dir(), 'out/junit/drift.xml'), 'utf8');
    expect(caseNames(drift)).toEqual(caseNames(pass));
    expect(caseNames(pass)).toContain(
      'verify.dev component permissionsets/ISPM_SFDC_integration_permission.permissionset'
    );
    expect(pass).toMatch(/<testsuite name="dev" tests="\d+" failures="0" skipped="\d+" time="\d+\.\d{3}">/);
    expect(drift).toMatch(/<testsuite name="dev" tests="\d+" failures="1" skipped="\d+" time="\d+\.\d{3}">/);
    expect(drift).toMatch(
      /<testcase classname="verify.dev" name="component permissionsets\/ISPM_SFDC_integration_permission.permissionset" time="\d+\.\d{3}">\n\s+<failure message="[^"]+">[^<]*ViewAllData/
    );
    // Warnings (an optional feature left out, hardened mode off) are skipped, never plain passes.
    const warned =
      /<testcase classname="verify.qa" name="([^"]+)" time="[^"]+">\n\s+<skipped message="warning: ([^"]+)"\/>/.exec(
        pass
      );
    expect(warned?.[2]).toBeTruthy();
    expect(pass).toContain('<testsuite name="gone" tests="1" failures="1" skipped="0"');
  });
});
