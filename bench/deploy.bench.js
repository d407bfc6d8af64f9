'use strict';
// Round trips, and deploy and verify at fleet scale, against simulated orgs (issues 14 and 24).
// Each org is its own simulator with a fixed latency on every request; the simulators run in child
// processes (simulators.js), so the figures are the CLI's alone. The CLI runs as a fresh process,
// as a release engineer runs it, so each wall time includes its start; its own CPU time (user +
// system) and peak RSS come from the process itself (rusage.js). Round trips are the requests each
// org received: plan, deploy and verify on a fresh production org. The fleet runs go to sandboxes
// of one production (one values file for many orgs is that case: usernames are unique across all
// orgs, so each sandbox holds the integration users copied from production, `<username>.<sandbox>`,
// which deploy reuses and assigns); verify then reads back the orgs the deploy set up.
// BENCH_FLEET_COUNTS (default 1,20,80,200) picks the fleet sizes.
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');
const { ROOT, copyProject } = require('./project');
const { startSimulators } = require('./simulators');

const run = promisify(execFile);
const CLI = path.join(ROOT, 'bin/vendor-access.js');
const RUSAGE = path.join(__dirname, 'rusage.js');
const VALUES = ['--values', 'config/orgs/example.json'];
const MAX_CONCURRENCY = 16;
const COUNTS = (process.env.BENCH_FLEET_COUNTS ?? '1,20,80,200').split(',').map(Number);
const MIB = 1024;

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

module.exports = async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-bench-home-'));
  const dir = copyProject();
  const usageFile = path.join(home, 'rusage.json');
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SF_|SFDX_|VENDOR_ACCESS_)/.test(k)));
  const userEnv = { ...clean, HOME: home, USERPROFILE: home, SF_DISABLE_TELEMETRY: 'true' };
  // The simulators log in through the sf auth store under this HOME; the CLI reads it.
  const sims = await startSimulators({ ...userEnv, SF_DISABLE_LOG_FILE: 'true' });

  /** One fresh CLI process: wall ms, CPU ms (user + system) and peak RSS KiB of that process. */
  const cli = async (args) => {
    fs.rmSync(usageFile, { force: true });
    const started = process.hrtime.bigint();
    try {
      await run(process.execPath, ['-r', RUSAGE, CLI, ...args], {
        cwd: dir,
        env: { ...userEnv, BENCH_RUSAGE_FILE: usageFile },
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (err) {
      throw new Error(`vendor-access ${args.slice(0, 4).join(' ')}… exited ${err.code}: ${err.stderr || err.stdout}`);
    }
    const wall = Number(process.hrtime.bigint() - started) / 1e6;
    const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8'));
    return { wall, cpu: usage.userMs + usage.systemMs, rssKiB: usage.maxRssKiB };
  };
  let fleetNo = 0;
  const withOrgs = async (count, latencyMs, body, sandboxes = true) => {
    const n = fleetNo++;
    const fleet = await sims.fleet(
      Array.from({ length: count }, (_, i) => ({
        alias: `bench${n}x${count}n${i}`,
        options: sandboxes
          ? {
              shape: 'enterprise-shield',
              sandbox: { name: `sb${n}x${i}` },
              seed: { productionUsers: PRODUCTION_USERS },
            }
          : { shape: 'enterprise-shield' },
      }))
    );
    try {
      await fleet.faults({ latencyMs });
      await fleet.trips();
      return await body(
        fleet.aliases.flatMap((a) => ['-o', a]),
        fleet
      );
    } finally {
      await fleet.stop();
    }
  };

  const rows = [];
  try {
    await withOrgs(
      1,
      50,
      async (aliases, fleet) => {
        await cli(['plan', ...aliases, ...VALUES]);
        const plan = (await fleet.trips()).total;
        await cli(['deploy', ...aliases, ...VALUES]);
        const deploy = await fleet.trips();
        await cli(['verify', ...aliases, ...VALUES]);
        const verify = (await fleet.trips()).total;
        rows.push({ name: 'round trips per org: plan (fresh org)', value: plan, unit: 'requests' });
        rows.push({
          name: 'round trips per org: deploy both vendors (fresh org)',
          value: deploy.total,
          unit: 'requests',
          note: `target ≤ 12: ${deploy.total <= 12 ? 'met' : 'NOT met'}; ${Object.entries(deploy.byKind)
            .map(([k, c]) => `${k} ${c}`)
            .join(', ')}`,
        });
        rows.push({ name: 'round trips per org: verify after that deploy', value: verify, unit: 'requests' });
      },
      false
    );
    // Fleet: deploy both vendors to N sandboxes at 50 ms per call, then verify them.
    const figures = { deploy: {}, verify: {} };
    for (const count of COUNTS) {
      const concurrency = String(Math.min(count, MAX_CONCURRENCY));
      await withOrgs(count, 50, async (aliases, fleet) => {
        for (const command of ['deploy', 'verify']) {
          // eslint-disable-next-line no-await-in-loop -- one CLI run at a time: each is measured alone
          const f = await cli([command, ...aliases, ...VALUES, '--concurrency', concurrency]);
          // eslint-disable-next-line no-await-in-loop
          const trips = (await fleet.trips()).total / count;
          figures[command][count] = f;
          rows.push({
            name: `${command} ${count} sandbox(es) at 50 ms: wall`,
            value: f.wall,
            unit: 'ms',
            note: `${trips.toFixed(1)} round trips per org, --concurrency ${concurrency}`,
          });
          rows.push({ name: `  CLI CPU (user + system)`, value: f.cpu, unit: 'ms' });
          rows.push({ name: `  CLI peak RSS`, value: f.rssKiB / MIB, unit: 'MiB' });
        }
      });
    }
    const one = COUNTS[0] === 1 ? 1 : undefined;
    for (const command of ['deploy', 'verify']) {
      const by = figures[command];
      if (one === undefined) break;
      for (const [count, max] of [
        [20, undefined],
        [80, 2],
        [200, 3],
      ]) {
        if (!by[count]) continue;
        const ratio = by[count].wall / by[1].wall;
        rows.push({
          name: `${command}: ${count} orgs ÷ 1 org, wall at 50 ms`,
          value: Number(ratio.toFixed(2)),
          unit: '×',
          ...(max ? { note: `target ≤ ${max}×: ${ratio <= max ? 'met' : 'NOT met'}` } : {}),
        });
      }
      const largest = Math.max(...COUNTS);
      if (largest > 1) {
        const marginal = (by[largest].cpu - by[1].cpu) / (largest - 1);
        const max = command === 'deploy' ? 50 : 30;
        rows.push({
          name: `${command}: marginal CLI CPU per extra org (1 → ${largest} orgs)`,
          value: marginal,
          unit: 'ms',
          note: `target ≤ ${max} ms: ${marginal <= max ? 'met' : 'NOT met'}`,
        });
        const rss = by[largest].rssKiB / MIB;
        rows.push({
          name: `${command}: CLI peak RSS at ${largest} orgs`,
          value: rss,
          unit: 'MiB',
          ...(largest === 200 ? { note: `target ≤ 400 MiB: ${rss <= 400 ? 'met' : 'NOT met'}` } : {}),
        });
      }
    }
  } finally {
    sims.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  }
  return rows;
};
