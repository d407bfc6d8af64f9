#!/usr/bin/env node
'use strict';
// Runs a TypeScript entry point (the org simulator, the demo) without a build step, using the
// `typescript` devDependency's transpileModule as a require hook. Types are checked by `npm test`.
require('./registerTs').registerTypeScript();

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/run-ts.js <file.ts> [args…]\n');
  process.exit(2);
}
process.argv = [process.argv[0], entry, ...args];
require(require('node:path').resolve(entry));
