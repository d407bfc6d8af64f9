'use strict';
// Median wall time of generateCertificate (native RSA keygen + forge X.509 signing) per key size.
// RSA keygen is randomized (prime search), so single runs vary widely; the note gives them all.
const { generateCertificate } = require('../lib/certificate');

const RUNS = Number(process.env.CERT_BENCH_RUNS ?? 5);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

module.exports = async () => {
  const rows = [];
  for (const bits of [2048, 4096]) {
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      const start = process.hrtime.bigint();
      await generateCertificate({ commonName: 'bench', bits });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    rows.push({
      name: `generateCertificate RSA ${bits}, median of ${RUNS}`,
      value: median(times),
      unit: 'ms',
      note: `runs: ${times.map((t) => t.toFixed(0)).join(', ')}`,
    });
  }
  return rows;
};
