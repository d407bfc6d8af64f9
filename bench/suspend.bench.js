'use strict';
// Suspend wall time (the kill switch) against the org simulator with 50 ms latency on every call:
// one org, and 20 orgs in one run. Each org is onboarded first (no latency) and
// its ISPM user holds two OAuth tokens and a session; suspend freezes it, disables the app (a
// metadata deploy, polled every 200 ms), revokes the tokens and ends the session. Usernames are
// unique across orgs, so the 20 orgs are sandboxes of one production holding the copied ISPM user
// (`<username>.<sandbox>`), which one values file serves; --concurrency is capped at 16.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');

module.exports = async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-bench-home-'));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-bench-out-'));
  Object.assign(process.env, {
    HOME: home,
    USERPROFILE: home,
    SF_DISABLE_LOG_FILE: 'true',
    SF_DISABLE_TELEMETRY: 'true',
    VENDOR_ACCESS_POLL_INTERVAL_MS: '200',
  });
  const ts = require('typescript');
  require.extensions['.ts'] ??= (module, filename) => {
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: filename,
    });
    module._compile(outputText, filename);
  };
  const { Lifecycle } = require('@salesforce/core');
  const { main } = require(path.join(ROOT, 'lib/cli'));
  const { suspendOrgs } = require(path.join(ROOT, 'lib/lifecycle/suspendOrgs'));
  const { startOrgSimulator } = require(path.join(ROOT, 'test/org-simulator/index.ts'));
  const { loginWithAlias } = require(path.join(ROOT, 'test/org-simulator/connect.ts'));
  const { seedOauthToken, seedSession } = require(path.join(ROOT, 'test/org-simulator/lifecycle.ts'));
  Lifecycle.getInstance().onWarning(async () => {});
  const silent = { stdout: () => {}, stderr: () => {} };
  const cwd = process.cwd();
  process.chdir(ROOT);
  const rows = [];
  try {
    for (const count of [1, 20]) {
      const USER = 'ispm.integration@example.com.vendoraccess';
      const names = Array.from({ length: count }, (_, i) => `sus${count}x${i}`);
      const sims = await Promise.all(
        names.map((name) =>
          startOrgSimulator({
            shape: 'enterprise-shield',
            sandbox: { name },
            seed: {
              productionUsers: [
                { Username: USER, Email: 'security-team@example.com', profile: 'Minimum Access - Salesforce' },
              ],
            },
          })
        )
      );
      const concurrency = String(Math.min(count, 16));
      try {
        const aliases = [];
        for (const [i, sim] of sims.entries()) {
          await loginWithAlias(sim, `bench${i}`);
          aliases.push(`bench${i}`);
        }
        const onboarded = await main(
          [
            'deploy',
            ...aliases.flatMap((a) => ['-o', a]),
            '--vendor',
            'ispm',
            '--values',
            'config/orgs/example.json',
            '--concurrency',
            concurrency,
          ],
          silent
        );
        if (onboarded !== 0) throw new Error(`onboarding ${count} org(s) exited ${onboarded}`);
        for (const [i, sim] of sims.entries()) {
          const copied = `${USER}.${names[i]}`;
          for (let t = 0; t < 2; t++) seedOauthToken(sim.state, copied, { AppName: 'ISPM SFDC Integration' });
          seedSession(sim.state, copied);
          sim.requests.length = 0;
          sim.faults.set({ latencyMs: 50 });
        }
        const started = process.hrtime.bigint();
        const result = await suspendOrgs({
          projectDir: ROOT,
          outDir: out,
          targetOrgs: aliases,
          vendors: ['ispm'],
          valuesFile: 'config/orgs/example.json',
          dryRun: false,
          concurrency: Number(concurrency),
        });
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (result.exitCode !== 0) throw new Error(`suspend of ${count} org(s) exited ${result.exitCode}`);
        const trips = sims.reduce((n, s) => n + s.requests.length, 0);
        rows.push({
          name: `suspend ISPM in ${count} org(s), 50 ms latency per call`,
          value: ms,
          unit: 'ms',
          note: 'app disable polled every 200 ms',
        });
        rows.push({ name: `  round trips (per org: ${(trips / count).toFixed(0)})`, value: trips, unit: 'requests' });
      } finally {
        await Promise.all(sims.map((s) => s.stop()));
      }
    }
  } finally {
    process.chdir(cwd);
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  }
  return rows;
};
