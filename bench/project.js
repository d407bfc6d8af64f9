'use strict';
// Shared by the bench files: a throwaway copy of the project (what a release engineer has checked
// out), and medians. Nothing here measures.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');

const copyProject = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-bench-'));
  for (const part of ['sfdx-project.json', '.forceignore', 'force-app', 'config'])
    fs.cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true });
  return dir;
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

module.exports = { ROOT, copyProject, median };
