import { spawn } from 'node:child_process';
import path from 'node:path';
import { Lifecycle } from '@salesforce/core';
import { OrgSimulator, startOrgSimulator } from '../org-simulator';
import { PROJECT_ROOT } from '../helpers/projectCopy';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { selfSignedTls } from '../helpers/selfSignedTls';
import { run } from '../helpers/simulatedOrg';

// The CLI as a pipeline runs it: a separate process that trusts the simulator's certificate
// through NODE_EXTRA_CA_CERTS (read at start-up only, so not in-process).
const cli = (
  cwd: string,
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number | null; out: string; err: string }> =>
  new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(PROJECT_ROOT, 'scripts/run-ts.js'), path.join(PROJECT_ROOT, 'test/startup/cliEntry.ts'), ...args],
      { cwd, env: { ...process.env, ...env } }
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });

describe('vendor-access login: from an sfdx auth URL, with @salesforce/core (no sf CLI)', () => {
  const dir = useProjectCopyAsCwd();
  const tls = selfSignedTls();
  let sims: OrgSimulator[] = [];
  beforeEach(async () => {
    Lifecycle.getInstance().onWarning(async () => {});
    sims = [
      await startOrgSimulator({ shape: 'enterprise-shield', tls }),
      await startOrgSimulator({ shape: 'enterprise-shield', tls }),
    ];
  });
  afterEach(async () => {
    for (const sim of sims) await sim.stop();
  });

  it('logs each alias in from its variable through the refresh-token grant; verify then reads the org', async () => {
    const [a, b] = sims as [OrgSimulator, OrgSimulator];
    const env = { NODE_EXTRA_CA_CERTS: tls.caFile, AUTH_URL_1: a.sfdxAuthUrl, AUTH_URL_2: b.sfdxAuthUrl };
    const login = await cli(
      dir(),
      env,
      'login',
      '--alias',
      'org-a',
      '--auth-url-env',
      'AUTH_URL_1',
      '--alias',
      'org-b',
      '--auth-url-env',
      'AUTH_URL_2'
    );
    expect(login).toMatchObject({ code: 0 });
    expect(login.out).toBe(`logged in: org-a (${a.username})\nlogged in: org-b (${b.username})\n`);
    expect(`${login.out}${login.err}`).not.toContain('force://');
    expect(a.requests.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['POST /services/oauth2/token', 'GET /services/oauth2/userinfo'])
    );
    // Not deployed yet: verify reads the org through the saved login and reports drift (exit 1), not a login error.
    const verify = await cli(dir(), env, 'verify', '-o', 'org-b', '--values', 'config/orgs/example.json');
    expect(verify.code).toBe(1);
    expect(verify.out).toContain('org-b: NOT AS INTENDED');
    // Three CLI processes, each compiling the source as it starts: slow on a busy machine, not timed.
  }, 120_000);

  it('names the variable of a missing, malformed or refused auth URL, never its value, and logs the others in (exit 1)', async () => {
    const [a] = sims as [OrgSimulator];
    const revoked = a.sfdxAuthUrl.replace(/::[^@]+@/, '::5AepRevoked@');
    const login = await cli(
      dir(),
      {
        NODE_EXTRA_CA_CERTS: tls.caFile,
        GOOD: a.sfdxAuthUrl,
        BAD: 'https://not-an-auth-url/secret-part',
        OLD: revoked,
      },
      'login',
      ...['--alias', 'ok', '--auth-url-env', 'GOOD'],
      ...['--alias', 'missing', '--auth-url-env', 'NOT_SET'],
      ...['--alias', 'bad', '--auth-url-env', 'BAD'],
      ...['--alias', 'old', '--auth-url-env', 'OLD']
    ).then((r) => r);
    expect(login.code).toBe(1);
    expect(login.out).toContain(`logged in: ok (${a.username})`);
    expect(login.out).toContain(
      'cannot log in missing: The environment variable NOT_SET (for missing) is missing or empty.'
    );
    expect(login.out).toContain(
      'cannot log in bad: The environment variable BAD (for bad) does not hold an sfdx auth URL (the sfdxAuthUrl that sf org display --verbose prints).'
    );
    expect(login.out).toMatch(
      /cannot log in old: The org refused the login of old from OLD: .*expired access\/refresh token/
    );
    expect(`${login.out}${login.err}`).not.toMatch(/secret-part|5AepRevoked|PlatformCLI/);
  }, 120_000);

  it('refuses unpaired flags and a value where a variable name belongs, before any login', async () => {
    const unpaired = await run('login', '--alias', 'a', '--alias', 'b', '--auth-url-env', 'X');
    expect(unpaired.code).toBe(1);
    expect(unpaired.out).toContain('2 --alias but 1 --auth-url-env: give them in pairs, in the same order.');
    const value = await run('login', '--alias', 'a', '--auth-url-env', 'force://x:y:z@h');
    expect(value.out).toContain('--auth-url-env "force://x:y:z@h" must be an environment variable name');
  });
});
