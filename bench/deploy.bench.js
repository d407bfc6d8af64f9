'use strict';
// Round trips and deploy wall time against simulated orgs (issue 14). Each org is its own
// simulator with a fixed latency on every request; the CLI runs as a fresh process, as a release
// engineer runs it, so each wall time includes its start. Round trips are the requests each org
// received: plan, deploy and verify on a fresh production org. The timed deploys go to sandboxes
// of one production (one values file for many orgs is that case: usernames are unique across all
// orgs, so each sandbox holds the integration users copied from production, `<username>.<sandbox>`,
// which deploy reuses and assigns). The simulator is TypeScript test code, loaded through a
// transpile hook; the product is the built lib/.
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');
const { ROOT, copyProject } = require('./project');

const run = promisify(execFile);
const CLI = path.join(ROOT, 'bin/vendor-access.js');
const VALUES = ['--values', 'config/orgs/example.json'];
const MAX_CONCURRENCY = 16;

const hookTypeScript = () => {
  const ts = require('typescript');
  require.extensions['.ts'] ??= (module, filename) => {
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        resolveJsonModule: true,
      },
      fileName: filename,
    });
    module._compile(outputText, filename);
  };
};

module.exports = async () => {
  const saved = { ...process.env };
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-bench-home-'));
  const dir = copyProject();
  // The simulators (this process) log in through the sf auth store under this HOME; the CLI reads it.
  Object.assign(process.env, {
    HOME: home,
    USERPROFILE: home,
    SF_DISABLE_LOG_FILE: 'true',
    SF_DISABLE_TELEMETRY: 'true',
  });
  const childEnv = Object.fromEntries(Object.entries(saved).filter(([k]) => !/^(SF_|SFDX_|VENDOR_ACCESS_)/.test(k)));
  Object.assign(childEnv, { HOME: home, USERPROFILE: home, SF_DISABLE_TELEMETRY: 'true' });
  hookTypeScript();
  const { Lifecycle } = require('@salesforce/core');
  const { startOrgSimulator } = require(path.join(ROOT, 'test/org-simulator/index.ts'));
  const { loginWithAlias } = require(path.join(ROOT, 'test/org-simulator/connect.ts'));
  Lifecycle.getInstance().onWarning(async () => {});

  const cli = async (args) => {
    const started = process.hrtime.bigint();
    try {
      await run(process.execPath, [CLI, ...args], { cwd: dir, env: childEnv, maxBuffer: 64 * 1024 * 1024 });
    } catch (err) {
      throw new Error(`vendor-access ${args.join(' ')} exited ${err.code}: ${err.stderr || err.stdout}`);
    }
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const PRODUCTION_USERS = [
    {
      Username: 'ispm.integration@example.com.vendoraccess',
      Email: 'security-team@example.com',
      profile: 'Minimum Access - Salesforce',
    },
    {
      Username: 'reco.integration@example.com.vendoraccess',
      Email: 'reco-integration@example.com',
      profile: 'Minimum Access - API Only Integrations',
    },
  ];
  const withOrgs = async (count, latencyMs, body, sandboxes = true) => {
    const sims = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        startOrgSimulator(
          sandboxes
            ? {
                shape: 'enterprise-shield',
                sandbox: { name: `sb${latencyMs}x${i}` },
                seed: { productionUsers: PRODUCTION_USERS },
              }
            : { shape: 'enterprise-shield' }
        )
      )
    );
    try {
      const aliases = [];
      for (const [i, sim] of sims.entries()) {
        await loginWithAlias(sim, `bench${count}x${latencyMs}n${i}`);
        aliases.push('-o', `bench${count}x${latencyMs}n${i}`);
        sim.faults.set({ latencyMs });
      }
      const trips = () => {
        const total = sims.reduce((n, s) => n + s.requests.length, 0);
        for (const s of sims) s.requests.length = 0;
        return total / count;
      };
      trips();
      return await body(aliases, trips, sims);
    } finally {
      await Promise.all(sims.map((s) => s.stop()));
    }
  };

  const rows = [];
  try {
    await withOrgs(
      1,
      50,
      async (aliases, trips, [sim]) => {
        await cli(['plan', ...aliases, ...VALUES]);
        const plan = trips();
        await cli(['deploy', ...aliases, ...VALUES]);
        const counts = sim.requestCounts();
        const deploy = trips();
        await cli(['verify', ...aliases, ...VALUES]);
        const verify = trips();
        rows.push({ name: 'round trips per org: plan (fresh org)', value: plan, unit: 'requests' });
        rows.push({
          name: 'round trips per org: deploy both vendors (fresh org)',
          value: deploy,
          unit: 'requests',
          note: `target ≤ 12: ${deploy <= 12 ? 'met' : 'NOT met'}; ${Object.entries(counts.byKind)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')}`,
        });
        rows.push({ name: 'round trips per org: verify after that deploy', value: verify, unit: 'requests' });
      },
      false
    );
    for (const latencyMs of [50, 200]) {
      const wall = {};
      for (const count of [1, 20]) {
        await withOrgs(count, latencyMs, async (aliases, trips) => {
          // --concurrency is at most 16 (input safety, issue 10): 20 orgs go 16 at a time.
          wall[count] = await cli([
            'deploy',
            ...aliases,
            ...VALUES,
            '--concurrency',
            String(Math.min(count, MAX_CONCURRENCY)),
          ]);
          rows.push({
            name: `deploy both vendors to ${count} sandbox(es) at ${latencyMs} ms latency, fresh process`,
            value: wall[count],
            unit: 'ms',
            note: `${trips().toFixed(0)} round trips per org, --concurrency ${Math.min(count, MAX_CONCURRENCY)}`,
          });
        });
      }
      const ratio = wall[20] / wall[1];
      rows.push({
        name: `  20 orgs ÷ 1 org at ${latencyMs} ms`,
        value: Number(ratio.toFixed(2)),
        unit: '×',
        note: `target ≤ 2×: ${ratio <= 2 ? 'met' : 'NOT met'}`,
      });
    }
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  }
  return rows;
};
