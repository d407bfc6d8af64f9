#!/usr/bin/env node
'use strict';
// `npm run bench`: builds, then runs every bench/*.bench.js and prints its figures. Figures only,
// never pass/fail: speed is measured here, not asserted in tests.
// A bench file exports `async () => Array<{ name: string, value: number, unit: string, note?: string }>`.
const fs = require('node:fs');
const path = require('node:path');

const main = async () => {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.js'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  for (const file of files) {
    const rows = await require(path.join(__dirname, file))();
    process.stdout.write(`\n${file.replace('.bench.js', '')}\n`);
    for (const row of rows) {
      const value = Number.isInteger(row.value) ? String(row.value) : row.value.toFixed(1);
      process.stdout.write(
        `  ${row.name.padEnd(66)} ${value.padStart(10)} ${row.unit}${row.note ? `  (${row.note})` : ''}\n`
      );
    }
  }
};

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exitCode = 1;
});
