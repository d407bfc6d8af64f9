import fs from 'node:fs';
import path from 'node:path';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { calls, run, snapshot, useSimulatedOrg } from '../helpers/simulatedOrg';

const VALUES = ['--values', 'config/orgs/example.json', '--vendor', 'ispm'];

/**
 * A report that cannot be written once the org has changed must not hide what changed (issue 18,
 * item 6): the deploy result, the handoff and --json are printed, the write failure comes after
 * them, and the exit code is not success.
 */
describe('deploy --junit when the disk refuses the report after the org changed', () => {
  const project = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  // A full disk at the moment the report is written: the only failure no check beforehand can see.
  const diskFullFor = (written: RegExp): void => {
    const open = fs.openSync;
    jest.spyOn(fs, 'openSync').mockImplementation((file, ...rest) => {
      if (written.test(String(file))) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      return open(file, ...rest);
    });
  };

  it('prints the result and the handoff, then the error; exit 1', async () => {
    diskFullFor(/out\/junit\/deploy\.xml$/);
    const { code, io } = await run('deploy', '-o', 'prod', ...VALUES, '--junit', 'out/junit/deploy.xml');
    expect(calls(sim())).toContain('deploy');
    expect(code).toBe(1);
    const stdout = io.out.join('\n');
    expect(stdout).toContain('handoff:');
    expect(stdout).toMatch(/deploy 0Af\w+: Succeeded/);
    expect(io.err.at(-1)).toBe(
      "Error: OutputWriteFailedError: Could not write the --junit report to out/junit/deploy.xml (ENOSPC). Free disk space or fix the folder's permissions; the result above stands, only the file is missing."
    );
    expect(fs.existsSync(path.join(project(), 'out/junit/deploy.xml'))).toBe(false);
  });

  it('--json still holds the result, with the failure among the warnings; exit 1', async () => {
    diskFullFor(/out\/junit\/deploy\.xml$/);
    const { code, json } = await run('deploy', '-o', 'prod', ...VALUES, '--junit', 'out/junit/deploy.xml', '--json');
    expect(code).toBe(1);
    const envelope = json() as {
      status: number;
      result: { orgs: Array<{ outcome: string; handoff: unknown[] }> };
      warnings: string[];
    };
    expect(envelope.status).toBe(1);
    expect(envelope.result.orgs[0]?.outcome).toBe('succeeded');
    expect(envelope.result.orgs[0]?.handoff.length).toBeGreaterThan(0);
    expect(envelope.warnings).toContainEqual(expect.stringContaining('OutputWriteFailedError'));
  });

  it('a deploy record that cannot be written is reported the same way', async () => {
    diskFullFor(/out\/deploys\/[^/]+\.json$/);
    const { code, json } = await run('deploy', '-o', 'prod', ...VALUES, '--json');
    expect(code).toBe(1);
    const envelope = json() as { result: { orgs: Array<{ outcome: string }>; records: string[]; unwritten: string[] } };
    expect(envelope.result.orgs[0]?.outcome).toBe('succeeded');
    expect(envelope.result.records).toEqual([]);
    expect(envelope.result.unwritten).toEqual([expect.stringContaining('OutputWriteFailedError')]);
  });
});

/** The records under out/ follow the same rule: an out/ linked into force-app stops the run before the org is touched. */
describe('records under out/ are held to the output rule before any org is contacted', () => {
  const project = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it.each([
    ['deploy', ['deploy', '-o', 'prod', ...VALUES]],
    ['suspend', ['suspend', '-o', 'prod', ...VALUES]],
    ['activity', ['activity', '-o', 'prod', ...VALUES, '--since', '2026-01-01']],
  ])('%s with out/ a link into force-app', async (_name, argv) => {
    fs.symlinkSync(path.join(project(), 'force-app', 'ispm', 'main'), path.join(project(), 'out'));
    const before = snapshot(sim());
    const requests = sim().requests.length;
    const { code, json } = await run(...argv, '--json');
    expect({ code, name: (json() as { name: string }).name }).toEqual({ code: 1, name: 'OutputInSourceError' });
    expect(sim().requests.slice(requests)).toEqual([]);
    expect(snapshot(sim())).toBe(before);
    expect(fs.readdirSync(path.join(project(), 'force-app', 'ispm', 'main')).sort()).toEqual(['default']);
  });
});
