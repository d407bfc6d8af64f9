'use strict';
// Deploy wall time and round trips against the org simulator with 50 ms latency on every call:
// one org, and 20 orgs in one run (--concurrency 20). The simulator is TypeScript test code,
// loaded through scripts/run-ts.js's hook; the product is the built lib/.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');

module.exports = async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-bench-home-'));
  Object.assign(process.env, { HOME: home, USERPROFILE: home, SF_DISABLE_LOG_FILE: 'true', SF_DISABLE_TELEMETRY: 'true', VENDOR_ACCESS_POLL_INTERVAL_MS: '200' });
  const ts = require('typescript');
  require.extensions['.ts'] ??= (module, filename) => {
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true }, fileName: filename });
    module._compile(outputText, filename);
  };
  const { Lifecycle } = require('@salesforce/core');
  const { main } = require(path.join(ROOT, 'lib/cli'));
  const { startOrgSimulator } = require(path.join(ROOT, 'test/org-simulator/index.ts'));
  const { loginWithAlias } = require(path.join(ROOT, 'test/org-simulator/connect.ts'));
  Lifecycle.getInstance().onWarning(async () => {});
  const silent = { stdout: () => {}, stderr: () => {} };
  const cwd = process.cwd();
  process.chdir(ROOT);
  const rows = [];
  try {
    for (const count of [1, 20]) {
      const sims = await Promise.all(Array.from({ length: count }, () => startOrgSimulator({ shape: 'enterprise-shield' })));
      try {
        const aliases = [];
        for (const [i, sim] of sims.entries()) {
          await loginWithAlias(sim, `bench${i}`);
          sim.requests.length = 0;
          sim.faults.set({ latencyMs: 50 });
          aliases.push('-o', `bench${i}`);
        }
        const started = process.hrtime.bigint();
        const code = await main(['deploy', ...aliases, '--values', 'config/orgs/example.json', '--concurrency', String(count)], silent);
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (code !== 0) throw new Error(`deploy to ${count} org(s) exited ${code}`);
        const trips = sims.reduce((n, s) => n + s.requests.length, 0);
        rows.push({ name: `deploy both vendors to ${count} org(s), 50 ms latency per call`, value: ms, unit: 'ms', note: 'polling every 200 ms' });
        rows.push({ name: `  round trips (per org: ${(trips / count).toFixed(0)})`, value: trips, unit: 'requests' });
      } finally {
        await Promise.all(sims.map((s) => s.stop()));
      }
    }
  } finally {
    process.chdir(cwd);
    fs.rmSync(home, { recursive: true, force: true });
  }
  return rows;
};
