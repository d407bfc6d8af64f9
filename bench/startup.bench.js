'use strict';
// Cold start (issue 14): wall time of a fresh process for `--help`, `check`, `cert inspect` and
// `review`, as ratios to a bare `node -e 0` and to `node -e "require(SDR)"` measured in the same
// run. The commands run interleaved, round after round, so load from other processes on the
// machine hits every one of them alike; each figure is the median of RUNS rounds.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, copyProject, median } = require('./project');

const RUNS = Number(process.env.STARTUP_BENCH_RUNS ?? 5);
const CLI = path.join(ROOT, 'bin/vendor-access.js');

const COMMANDS = [
  { name: 'node -e 0', args: ['-e', '0'] },
  // From the project root, where node resolves the package.
  {
    name: `node -e "require('@salesforce/source-deploy-retrieve')"`,
    args: ['-e', "require('@salesforce/source-deploy-retrieve')"],
    cwd: ROOT,
  },
  { name: 'vendor-access --help', args: [CLI, '--help'], target: { of: 'node -e 0', max: 2.5 } },
  {
    name: 'vendor-access check (both vendors, example values)',
    args: [CLI, 'check', '--values', 'config/orgs/example.json'],
    target: { of: 'sdr', max: 1.3 },
  },
  { name: 'vendor-access cert inspect', args: [CLI, 'cert', 'inspect', 'config/certs/example-ispm-server.crt'] },
  { name: 'vendor-access review', args: [CLI, 'review'] },
];

module.exports = async () => {
  const dir = copyProject();
  // A user's environment: its own HOME, no test switches (SF_DISABLE_LOG_FILE and the like).
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-bench-home-'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SF_|SFDX_|VENDOR_ACCESS_)/.test(k)));
  Object.assign(env, { HOME: home, USERPROFILE: home, SF_DISABLE_TELEMETRY: 'true' });
  const times = COMMANDS.map(() => []);
  try {
    for (let round = 0; round < RUNS; round++) {
      for (const [i, command] of COMMANDS.entries()) {
        const started = process.hrtime.bigint();
        execFileSync(process.execPath, command.args, { cwd: command.cwd ?? dir, env, stdio: 'ignore' });
        times[i].push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  }
  const medians = times.map(median);
  const [bare, sdr] = medians;
  const rows = [];
  for (const [i, command] of COMMANDS.entries()) {
    rows.push({
      name: `${command.name}: cold wall, median of ${RUNS}`,
      value: medians[i],
      unit: 'ms',
      note: `runs: ${times[i].map((t) => t.toFixed(0)).join(', ')}`,
    });
    if (i < 2) continue;
    const vsBare = medians[i] / bare;
    const vsSdr = medians[i] / sdr;
    const target = command.target;
    const ratio = target ? (target.of === 'sdr' ? vsSdr : vsBare) : undefined;
    rows.push({
      name: `  ÷ bare node ${vsBare.toFixed(2)}×, ÷ SDR's bare load ${vsSdr.toFixed(2)}×`,
      value: Number((target?.of === 'sdr' ? vsSdr : vsBare).toFixed(2)),
      unit: target?.of === 'sdr' ? '× SDR' : '× node',
      ...(target
        ? {
            note: `target ≤ ${target.max}× ${target.of === 'sdr' ? "SDR's bare load" : 'bare node'}: ${
              ratio <= target.max ? 'met' : 'NOT met'
            }`,
          }
        : {}),
    });
  }
  return rows;
};
