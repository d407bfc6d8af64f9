'use strict';
// How range checks scale: the overlap sweep over lists far longer than a values file may hold
// (the limit is 1000), and the values check of a full list. Issue 10 measured the old pairwise
// check at 3.7 s for 10k ranges and 19 s for 30k.
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const { findOverlaps, parseRangeSpec } = require(path.join(ROOT, 'lib/network'));
const { checkIpRanges } = require(path.join(ROOT, 'lib/values/validateValue'));

const specs = (n) => Array.from({ length: n }, (_, i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);

module.exports = async () => {
  const rows = [];
  for (const n of [10_000, 100_000, 600_000]) {
    const entries = specs(n).map((s, key) => ({ key, range: parseRangeSpec(s).range }));
    const start = process.hrtime.bigint();
    findOverlaps(entries);
    rows.push({ name: `overlap sweep, ${n} ranges`, value: Number(process.hrtime.bigint() - start) / 1e6, unit: 'ms' });
  }
  const list = specs(1000);
  const start = process.hrtime.bigint();
  checkIpRanges(list, { file: 'values.json', field: 'vendors.reco.trustedRanges' }, 'Reco IP number');
  rows.push({
    name: 'values check of 1000 ranges (the limit)',
    value: Number(process.hrtime.bigint() - start) / 1e6,
    unit: 'ms',
  });
  return rows;
};
