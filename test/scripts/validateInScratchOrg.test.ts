import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../helpers/projectCopy';

const SCRIPT = path.join(PROJECT_ROOT, 'scripts/validate-in-scratch-org.sh');

/** A fake `sf` (and vendor-access) on PATH that logs every call, so the sequence and the cleanup can be checked without an org. */
const fakeTools = (options: { createFails?: boolean; verifyFails?: boolean } = {}): { bin: string; log: string } => {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-sf-'));
  const log = path.join(bin, 'calls.log');
  fs.writeFileSync(
    path.join(bin, 'sf'),
    `#!/usr/bin/env bash\necho "sf $*" >> "${log}"\n${
      options.createFails
        ? 'if [ "$2" = "create" ]; then echo "ERROR: the Dev Hub has no scratch org allocation" >&2; exit 1; fi\n'
        : ''
    }exit 0\n`,
    { mode: 0o755 }
  );
  fs.writeFileSync(
    path.join(bin, 'va'),
    `#!/usr/bin/env bash\necho "vendor-access $*" >> "${log}"\n${
      options.verifyFails ? 'if [ "$1" = "verify" ]; then exit 1; fi\n' : ''
    }exit 0\n`,
    { mode: 0o755 }
  );
  return { bin, log };
};

const SECRETS = {
  SF_DEVHUB_USERNAME: 'hub@example.com',
  SF_DEVHUB_CLIENT_ID: '3MVG9fake',
  SF_DEVHUB_JWT_KEY: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----',
};
const BASE_ENV = { PATH: '/usr/bin:/bin', HOME: os.tmpdir() };

const runScript = (env: Record<string, string>, args: string[] = []): { status: number | null; out: string } => {
  const r = spawnSync('bash', [SCRIPT, ...args], { env, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
};

describe('scripts/validate-in-scratch-org.sh', () => {
  it('lists every missing variable at once and exits 2', () => {
    const { status, out } = runScript({ ...BASE_ENV, PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin` });
    expect(status).toBe(2);
    expect(out).toContain(
      'error: missing environment variable(s): SF_DEVHUB_USERNAME SF_DEVHUB_CLIENT_ID SF_DEVHUB_JWT_KEY or SF_DEVHUB_JWT_KEY_FILE'
    );
  });

  it('says clearly that the sf CLI is missing, exit 3', () => {
    const { status, out } = runScript({ ...BASE_ENV, ...SECRETS });
    expect(status).toBe(3);
    expect(out).toContain(
      'error: the Salesforce CLI (sf) is not installed. Install it: npm install --global @salesforce/cli'
    );
  });

  it('rejects an unknown argument, exit 2, and documents its exit codes', () => {
    expect(runScript({ ...BASE_ENV }, ['--frobnicate'])).toMatchObject({
      status: 2,
      out: expect.stringContaining('unknown argument: --frobnicate'),
    });
    const help = runScript({ ...BASE_ENV }, ['--help']);
    expect(help.status).toBe(0);
    expect(help.out).toContain('  4  the Dev Hub login or the scratch org creation failed');
  });

  it('runs dry run, deploy and verify on a new scratch org, then deletes it', () => {
    const { bin, log } = fakeTools();
    const { status, out } = runScript(
      {
        ...BASE_ENV,
        ...SECRETS,
        PATH: `${bin}:${path.dirname(process.execPath)}:/usr/bin:/bin`,
        VENDOR_ACCESS: `${bin}/va`,
      },
      ['--vendor', 'ispm']
    );
    expect(out).toContain('Scratch-org validation passed.');
    expect(status).toBe(0);
    const calls = fs
      .readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) =>
        l
          .replace(/va-scratch-[\w-]+/g, 'ALIAS')
          .replace(/va-devhub-\d+/g, 'HUB')
          .replace(/\/\S+\/values\.json/g, 'VALUES')
          .replace(/\/\S+\/devhub\.key/g, 'KEY')
      );
    expect(calls).toEqual([
      'sf org login jwt --username hub@example.com --jwt-key-file KEY --client-id 3MVG9fake --instance-url https://login.salesforce.com --alias HUB --set-default-dev-hub',
      'sf org create scratch --definition-file config/project-scratch-def.json --alias ALIAS --target-dev-hub HUB --duration-days 1 --wait 15',
      'vendor-access deploy --dry-run -o ALIAS --values VALUES --vendor ispm',
      'vendor-access deploy -o ALIAS --values VALUES --vendor ispm',
      'vendor-access verify -o ALIAS --values VALUES --vendor ispm',
      'sf org delete scratch --no-prompt --target-org ALIAS',
    ]);
  });

  it('deletes the scratch org and exits 1 when vendor-access fails', () => {
    const { bin, log } = fakeTools({ verifyFails: true });
    const { status, out } = runScript({
      ...BASE_ENV,
      ...SECRETS,
      PATH: `${bin}:${path.dirname(process.execPath)}:/usr/bin:/bin`,
      VENDOR_ACCESS: `${bin}/va`,
    });
    expect(status).toBe(1);
    expect(out).toContain('error: vendor-access verify failed (exit 1)');
    expect(fs.readFileSync(log, 'utf8').trim().split('\n').at(-1)).toMatch(
      /^sf org delete scratch --no-prompt --target-org va-scratch-/
    );
  });

  it('exits 4 when the scratch org cannot be created, with nothing to delete', () => {
    const { bin, log } = fakeTools({ createFails: true });
    const { status, out } = runScript({
      ...BASE_ENV,
      ...SECRETS,
      PATH: `${bin}:${path.dirname(process.execPath)}:/usr/bin:/bin`,
      VENDOR_ACCESS: `${bin}/va`,
    });
    expect(status).toBe(4);
    expect(out).toContain('error: scratch org creation failed');
    expect(fs.readFileSync(log, 'utf8')).not.toContain('delete');
  });
});
