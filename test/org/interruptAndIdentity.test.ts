import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli';
import { recordingIo } from '../../src/output/io';
import { loginWithAlias } from '../org-simulator/connect';
import { writesIn } from '../helpers/orgWrites';
import { setJson } from '../helpers/projectCopy';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { calls, run, snapshot, useSimulatedOrg } from '../helpers/simulatedOrg';

const VALUES = ['--values', 'config/orgs/example.json'];

/** Runs deploy and sends `signal` the first time progress output contains `when`. */
const deployInterruptedAt = async (
  when: string,
  signal: 'SIGINT' | 'SIGTERM' = 'SIGINT'
): Promise<{ code: number; text: string }> => {
  const io = recordingIo();
  const stderr = io.stderr;
  let sent = false;
  io.stderr = (text: string): void => {
    stderr(text);
    if (!sent && text.includes(when)) {
      sent = true;
      process.emit(signal);
    }
  };
  const code = await main(['deploy', '-o', 'prod', ...VALUES], io);
  return { code, text: io.text() };
};

describe('Ctrl-C and the identity of orgs and values', () => {
  const project = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s during preflight sends nothing: no deploy, no write, the org unchanged',
    async (signal) => {
      const before = snapshot(sim());
      const { code, text } = await deployInterruptedAt('preflight:', signal);
      expect(code).toBe(1);
      expect(text).toMatch(/prod \(admin\.\d+@sim\.example\.com, 00D\d+\): CANCELED/);
      expect(text).toContain('Interrupted before the deploy started: nothing was sent to the org.');
      expect(calls(sim())).not.toContain('deploy');
      expect(writesIn(calls(sim()))).toEqual([]);
      expect(snapshot(sim())).toBe(before);
    }
  );

  it('Ctrl-C once user setup begins stops before the next write and says what was done and what was not', async () => {
    const { code, text } = await deployInterruptedAt('users:');
    expect(code).toBe(1);
    expect(text).toMatch(/prod \(admin\.\d+@sim\.example\.com, 00D\d+\): INCOMPLETE/);
    expect(text).toMatch(
      /Interrupted after deploy 0Af\w+ succeeded: its metadata stays in the org\. Done: no user created or assigned\. Not done: ispm\.integration@example\.com\.vendoraccess, reco\.integration@example\.com\.vendoraccess\. Run vendor-access deploy again/
    );
    expect(text).not.toContain('SUCCEEDED');
    expect(calls(sim()).filter((c) => c === 'deploy')).toHaveLength(1);
    expect(calls(sim()).filter((c) => c.startsWith('POST /services/data/vXX/sobjects/'))).toEqual([]);
    // Running again finishes the job.
    expect((await run('deploy', '-o', 'prod', ...VALUES)).code).toBe(0);
    expect((sim().state.records.get('User') ?? []).map((u) => u.Username)).toEqual(
      expect.arrayContaining(['ispm.integration@example.com.vendoraccess', 'reco.integration@example.com.vendoraccess'])
    );
  });

  it('one org under an alias and its username is deployed once; the second name gets nothing', async () => {
    await loginWithAlias(sim(), 'prod-again');
    const { code, out } = await run('deploy', '-o', 'prod', '-o', 'prod-again', ...VALUES, '--vendor', 'reco');
    expect(code).toBe(68);
    expect(out).toMatch(
      /prod-again: FAILED: --target-org prod-again is the same org as prod \(00D\w+\); nothing was sent to it a second time\./
    );
    expect(calls(sim()).filter((c) => c === 'deploy')).toHaveLength(1);
    expect(
      (sim().state.records.get('User') ?? []).filter((u) => u.Username === 'reco.integration@example.com.vendoraccess')
    ).toHaveLength(1);
  });

  it('a contact email holding $ patterns reaches the org exactly as written', async () => {
    const email = 'sec$`ops$$team$1@example.com';
    setJson(project(), 'config/orgs/example.json', 'vendors.ispm.contactEmail', email);
    expect((await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm')).code).toBe(0);
    expect(sim().state.components.get('ExternalClientApplication:ISPM_SFDC_Integration')?.xml).toContain(
      `<contactEmail>${email}</contactEmail>`
    );
  });

  it('stage writes a contact email holding $ patterns literally into the source it stages', async () => {
    const email = 'sec$`ops$$team$1@example.com';
    setJson(project(), 'config/orgs/example.json', 'vendors.ispm.contactEmail', email);
    expect(
      (await run('stage', '-o', 'prod', ...VALUES, '--vendor', 'ispm', '--output-dir', 'out/stage/prod')).code
    ).toBe(0);
    const eca = fs.readFileSync(
      path.join(
        project(),
        'out/stage/prod/force-app/main/default/externalClientApps/ISPM_SFDC_Integration.eca-meta.xml'
      ),
      'utf8'
    );
    expect(eca).toContain(`<contactEmail>${email}</contactEmail>`);
  });

  it('--values is read from where the user stands', async () => {
    process.chdir(path.join(project(), 'config', 'orgs'));
    const { code } = await run('plan', '-o', 'prod', '--values', 'example.json');
    expect(code).toBe(0);
  });

  it('a values file saved with a UTF-8 byte-order mark is read (RFC 8259 lets a reader ignore it)', async () => {
    const file = path.join(project(), 'config/orgs/example.json');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fs.readFileSync(file)]));
    expect((await run('plan', '-o', 'prod', ...VALUES)).code).toBe(0);
  });
});
