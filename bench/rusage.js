'use strict';
// Preloaded into a measured CLI process (`node -r bench/rusage.js`): on exit, writes the process's
// own CPU time and peak RSS to the file BENCH_RUSAGE_FILE names, so the bench reports the CLI's
// figures, not the machine's.
const fs = require('node:fs');

const file = process.env.BENCH_RUSAGE_FILE;
if (file)
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(
      file,
      JSON.stringify({ userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000, maxRssKiB: u.maxRSS })
    );
  });
