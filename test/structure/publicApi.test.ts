import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as api from '../../src/index';

const ROOT = path.join(__dirname, '..', '..');

describe('the package is usable as a library by its name', () => {
  it('src/index.ts is the curated API: the calls the CLI makes, and nothing of its internals', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'EXIT_CODES',
        'activityOrgs',
        'checkVendors',
        'deployOrgs',
        'describeCommands',
        'generateCertificateFiles',
        'inspectCertificateFile',
        'loadOrgValues',
        'loadVendors',
        'main',
        'offboardOrgs',
        'planOrgs',
        'resumeOrgs',
        'reviewProject',
        'runProbe',
        'stageOrg',
        'suspendOrgs',
        'verifyOrgs',
      ].sort()
    );
  });

  // npm ci builds lib/ (the prepare script), so the package's main resolves on every fresh checkout.
  it("require('vendor-access') resolves to package.json's main and exports the API", () => {
    const out = execFileSync(
      process.execPath,
      [
        '-e',
        "const p = require.resolve('vendor-access'); const m = require('vendor-access'); console.log(JSON.stringify({ p, deploy: typeof m.deployOrgs, main: typeof m.main }))",
      ],
      { cwd: ROOT, encoding: 'utf8' }
    );
    expect(JSON.parse(out)).toEqual({ p: path.join(ROOT, 'lib', 'index.js'), deploy: 'function', main: 'function' });
  });
});
