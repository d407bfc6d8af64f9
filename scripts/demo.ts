/**
 * `npm run demo`: the whole flow against a simulated org, for a first look. The org already has two
 * trusted IP ranges and an unrelated permission set; plan, deploy and verify run for both vendors
 * on the example values; then the vendor's life after onboarding: suspend ISPM (its user has a
 * token, a session and a login from an unexpected address), read its activity, resume, offboard
 * both vendors, and show that what the org had is still there.
 * HOME points at a throwaway folder first, so the sf auth store of this machine is never touched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-demo-'));
process.env.HOME = home;
process.env.USERPROFILE = home;
process.env.SF_DISABLE_LOG_FILE = 'true';
process.env.SF_DISABLE_TELEMETRY = 'true';
process.env.VENDOR_ACCESS_POLL_INTERVAL_MS ??= '200';

const banner = (text: string): void => {
  process.stdout.write(`\n${'='.repeat(100)}\n$ ${text}\n${'='.repeat(100)}\n`);
};

const demo = async (): Promise<number> => {
  // Loaded after HOME is set: @salesforce/core resolves ~/.sf from it.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { Lifecycle } = require('@salesforce/core') as typeof import('@salesforce/core');
  const { main } = require('../src/cli') as typeof import('../src/cli');
  const { startOrgSimulator } = require('../test/org-simulator') as typeof import('../test/org-simulator');
  const { loginWithAlias } = require('../test/org-simulator/connect') as typeof import('../test/org-simulator/connect');
  const { seedLogin, seedOauthToken, seedSession } =
    require('../test/org-simulator/lifecycle') as typeof import('../test/org-simulator/lifecycle');
  /* eslint-enable @typescript-eslint/no-require-imports */
  Lifecycle.getInstance().onWarning(async () => {});
  const sim = await startOrgSimulator({
    shape: 'enterprise-shield',
    seed: {
      trustedRanges: [
        { start: '198.51.100.0', end: '198.51.100.255', description: 'Head office' },
        { start: '2001:db8::1', end: '2001:db8::1', description: 'VPN egress' },
      ],
      components: [
        {
          type: 'PermissionSet',
          fullName: 'Sales_Ops',
          path: 'permissionsets/Sales_Ops.permissionset',
          xml: '<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>Sales Ops</label>\n</PermissionSet>\n',
        },
      ],
    },
  });
  try {
    await loginWithAlias(sim, 'demo');
    process.stdout.write(
      `A simulated enterprise org with Shield is running at ${sim.instanceUrl}, logged in as alias "demo".\nIt already trusts "Head office" and "VPN egress" and has an unrelated permission set Sales_Ops.\n`
    );
    const values = ['--values', 'config/orgs/example.json'];
    let worst = 0;
    const step = async (argv: string[]): Promise<void> => {
      banner(`vendor-access ${argv.join(' ')}`);
      worst = Math.max(worst, await main(argv));
    };
    for (const argv of [
      ['plan', '-o', 'demo', ...values],
      ['deploy', '-o', 'demo', ...values],
      ['verify', '-o', 'demo', ...values],
      ['plan', '-o', 'demo', ...values],
    ])
      await step(argv);
    // The vendor at work: a token, a session, and two logins, one from an address outside its ranges.
    const ispmUser = 'ispm.integration@example.com.vendoraccess';
    seedOauthToken(sim.state, ispmUser, { AppName: 'ISPM SFDC Integration', UseCount: 311 });
    seedSession(sim.state, ispmUser);
    seedLogin(sim.state, ispmUser, {
      LoginTime: new Date(Date.now() - 3_600_000).toISOString(),
      SourceIp: '18.98.16.170',
    });
    seedLogin(sim.state, ispmUser, {
      LoginTime: new Date(Date.now() - 7_200_000).toISOString(),
      SourceIp: '203.0.113.66',
    });
    const ispm = ['-o', 'demo', '--vendor', 'ispm', ...values];
    for (const argv of [
      ['suspend', ...ispm, '--dry-run'],
      ['suspend', ...ispm],
      ['activity', ...ispm],
      ['resume', ...ispm],
      ['offboard', '-o', 'demo', ...values, '--dry-run'],
      ['offboard', '-o', 'demo', ...values],
    ])
      await step(argv);
    banner('what the org holds now');
    const security = sim.state.components.get('Settings:Security')?.xml ?? '';
    const descriptions = [...security.matchAll(/<description>([^<]*)<\/description>/g)].map((m) => m[1]);
    process.stdout.write(`Trusted IP ranges (${descriptions.length}): ${descriptions.join(', ')}\n`);
    process.stdout.write(
      `Sales_Ops still there: ${sim.state.components.has('PermissionSet:Sales_Ops') ? 'yes' : 'NO'}\n`
    );
    process.stdout.write(
      `Permission sets: ${[...sim.state.components.values()]
        .filter((c) => c.type === 'PermissionSet')
        .map((c) => c.fullName)
        .join(', ')}\n`
    );
    process.stdout.write(
      `External Client Apps: ${
        [...sim.state.components.values()]
          .filter((c) => c.type === 'ExternalClientApplication')
          .map((c) => c.fullName)
          .join(', ') || 'none'
      }\n`
    );
    process.stdout.write(
      `Users: ${(sim.state.records.get('User') ?? [])
        .map((u) => `${String(u.Username)}${u.IsActive === true ? '' : ' (deactivated)'}`)
        .join(', ')}\n`
    );
    return worst;
  } finally {
    await sim.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
};

demo().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
);
