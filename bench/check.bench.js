'use strict';
// Wall time and peak memory of `check` for both vendors on the example values: cold (a fresh CLI
// process, module loading included, as a release engineer runs it) and warm (in-process repeats).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, copyProject, median } = require('./project');

const RUNS = 5;

const PROBE = `
const { checkVendors } = require(${JSON.stringify(path.join(ROOT, 'lib/check'))});
(async () => {
  const started = process.hrtime.bigint();
  const result = await checkVendors({ projectDir: process.cwd(), vendors: [process.argv[1]], valuesFile: 'config/orgs/example.json', env: {} });
  const first = Number(process.hrtime.bigint() - started) / 1e6;
  const warm = [];
  for (let i = 0; i < ${RUNS}; i++) {
    const t = process.hrtime.bigint();
    await checkVendors({ projectDir: process.cwd(), vendors: [process.argv[1]], valuesFile: 'config/orgs/example.json', env: {} });
    warm.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  process.stdout.write(JSON.stringify({ ok: result.ok, first, warm, maxRssKb: process.resourceUsage().maxRSS }));
})();`;

module.exports = async () => {
  const dir = copyProject();
  const rows = [];
  try {
    for (const vendor of ['all', 'ispm', 'reco']) {
      const cold = [];
      for (let i = 0; i < RUNS; i++) {
        const t = process.hrtime.bigint();
        execFileSync(
          process.execPath,
          [
            path.join(ROOT, 'bin/vendor-access.js'),
            'check',
            '--vendor',
            vendor,
            '--values',
            'config/orgs/example.json',
          ],
          { cwd: dir, stdio: 'ignore' }
        );
        cold.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      const probe = JSON.parse(execFileSync(process.execPath, ['-e', PROBE, vendor], { cwd: dir }).toString());
      if (!probe.ok) throw new Error(`check --vendor ${vendor} failed on the example values`);
      rows.push({
        name: `check --vendor ${vendor}: CLI wall time, cold process (median of ${RUNS})`,
        value: median(cold),
        unit: 'ms',
      });
      rows.push({
        name: `check --vendor ${vendor}: in-process, warm (median of ${RUNS})`,
        value: median(probe.warm),
        unit: 'ms',
      });
      rows.push({
        name: `check --vendor ${vendor}: peak RSS of that process`,
        value: probe.maxRssKb / 1024,
        unit: 'MiB',
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
};
