'use strict';
// One drift-watch matrix job of 10 simulated orgs (issue 22), before and after the lean job: what
// the job installs, how it logs in, and the verify it runs. Measured on this machine:
// - before: `npm ci` of the whole project (dev tools included, its `prepare` build too);
// - after: each job's `npm ci --omit=dev --ignore-scripts` (production dependencies from the lockfile,
//   beside the fleet job's one build of lib/, which is copied here, not timed), `vendor-access login`
//   of 10 orgs from their sfdx auth URLs (the refresh-token grant, @salesforce/core), and
//   `vendor-access verify` of the 10 orgs.
// Both installs read npm's local cache (--prefer-offline), so they show install work, not download
// speed. The old job's global sf CLI install and its `sf org login sfdx-url` runs are NOT run here
// (the sf CLI's current releases need Node 22, and it is ~290 MB); its figures are quoted from the
// reference (toolchain-node20.md §7: 32.9 s, 720 packages, 292 MB; 1.3–1.5 s per login) and marked so.
// The simulators serve HTTPS (an auth URL always means https://) with 50 ms added to each request.
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');
const { ROOT, copyProject } = require('./project');

const run = promisify(execFile);
const ORGS = 10;
const VALUES = ['--values', 'config/orgs/example.json'];

const hookTypeScript = () => require(path.join(__dirname, '..', 'scripts', 'registerTs.js')).registerTypeScript();

const timed = async (file, args, options) => {
  const started = process.hrtime.bigint();
  try {
    await run(file, args, { maxBuffer: 64 * 1024 * 1024, ...options });
  } catch (err) {
    // verify exits 1 on drift: the orgs here are not deployed, which reads the same as drifted orgs.
    if (!(args.includes('verify') && err.code === 1))
      throw new Error(`${path.basename(file)} ${args.join(' ')} exited ${err.code}: ${err.stderr || err.stdout}`);
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
};

const du = (dir) => {
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) bytes += fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  return bytes / 1024 / 1024;
};
const packages = (nodeModules) =>
  fs
    .readdirSync(nodeModules, { recursive: true })
    .filter(
      (f) =>
        String(f).endsWith('package.json') &&
        /(^|\/)node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(`node_modules/${f}`)
    ).length;

module.exports = async () => {
  const rows = [];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-drift-bench-'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const npmEnv = {
    ...process.env,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  try {
    // Before: the whole project, as the old job's `npm ci` installed it.
    const before = path.join(work, 'before');
    fs.mkdirSync(before);
    for (const part of ['package.json', 'package-lock.json', 'tsconfig.json', 'src', 'config', 'messages', 'bin'])
      fs.cpSync(path.join(ROOT, part), path.join(before, part), { recursive: true });
    const ci = await timed(npm, ['ci', '--prefer-offline'], { cwd: before, env: npmEnv });
    rows.push({ name: 'before: npm ci (whole project, dev tools, prepare build)', value: ci / 1000, unit: 's' });
    rows.push({
      name: 'before: node_modules installed',
      value: packages(path.join(before, 'node_modules')),
      unit: 'packages',
      note: `${du(path.join(before, 'node_modules')).toFixed(0)} MiB`,
    });
    rows.push({
      name: 'before: npm install --global @salesforce/cli (not run here)',
      value: 32.9,
      unit: 's',
      note: 'quoted: reference toolchain-node20.md §7, 720 packages, 292 MB',
    });
    fs.rmSync(before, { recursive: true, force: true });

    // After, each matrix job: the checkout (project + lockfile) and the fleet job's build of lib/.
    const app = copyProject();
    for (const part of ['package.json', 'package-lock.json', 'lib', 'bin', 'messages'])
      fs.cpSync(path.join(ROOT, part), path.join(app, part), { recursive: true });
    const install = await timed(npm, ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline'], {
      cwd: app,
      env: npmEnv,
    });
    rows.push({
      name: 'after: npm ci --omit=dev --ignore-scripts (production only)',
      value: install / 1000,
      unit: 's',
    });
    rows.push({
      name: 'after: node_modules installed',
      value: packages(path.join(app, 'node_modules')),
      unit: 'packages',
      note: `${du(path.join(app, 'node_modules')).toFixed(0)} MiB`,
    });

    // 10 orgs behind HTTPS; the job logs in from their auth URLs and verifies them in one run.
    hookTypeScript();
    const { Lifecycle } = require('@salesforce/core');
    Lifecycle.getInstance().onWarning(async () => {});
    const { startOrgSimulator } = require(path.join(ROOT, 'test/org-simulator/index.ts'));
    const { selfSignedTls } = require(path.join(ROOT, 'test/helpers/selfSignedTls.ts'));
    const tls = selfSignedTls();
    const sims = await Promise.all(
      Array.from({ length: ORGS }, () => startOrgSimulator({ shape: 'enterprise-shield', tls }))
    );
    const dir = app;
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-drift-bench-home-'));
    try {
      for (const sim of sims) sim.faults.set({ latencyMs: 50 });
      const jobEnv = {
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SF_|SFDX_|VENDOR_ACCESS_)/.test(k))),
        HOME: home,
        USERPROFILE: home,
        SF_DISABLE_TELEMETRY: 'true',
        SF_DISABLE_LOG_FILE: 'true',
        NODE_EXTRA_CA_CERTS: tls.caFile,
        ...Object.fromEntries(sims.map((s, i) => [`AUTH_URL_${i + 1}`, s.sfdxAuthUrl])),
      };
      const login = await timed(
        process.execPath,
        [
          'bin/vendor-access.js',
          'login',
          ...sims.flatMap((_, i) => ['--alias', `org${i + 1}`, '--auth-url-env', `AUTH_URL_${i + 1}`]),
        ],
        { cwd: dir, env: jobEnv }
      );
      rows.push({
        name: `after: vendor-access login of ${ORGS} orgs (sfdx auth URLs)`,
        value: login / 1000,
        unit: 's',
      });
      rows.push({
        name: `before: sf org login sfdx-url of ${ORGS} orgs (not run here)`,
        value: 1.4 * ORGS,
        unit: 's',
        note: 'quoted: reference §7, 1.3–1.5 s per sf login',
      });
      const targets = sims.flatMap((_, i) => ['-o', `org${i + 1}`]);
      const verify = await timed(
        process.execPath,
        ['bin/vendor-access.js', 'verify', ...targets, ...VALUES, '--concurrency', '10', '--format', 'markdown'],
        {
          cwd: dir,
          env: jobEnv,
        }
      );
      rows.push({
        name: `verify of ${ORGS} orgs, --concurrency 10 (same before and after)`,
        value: verify / 1000,
        unit: 's',
      });
      rows.push({
        name: 'before: one job, measured part (npm ci + verify)',
        value: (ci + verify) / 1000,
        unit: 's',
        note: `+ ~${(32.9 + 1.4 * ORGS).toFixed(0)} s quoted for the sf CLI install and logins`,
      });
      rows.push({
        name: 'after: one job (install + login + verify)',
        value: (install + login + verify) / 1000,
        unit: 's',
      });
    } finally {
      await Promise.all(sims.map((s) => s.stop()));
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(home, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return rows;
};
