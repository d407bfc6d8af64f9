import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { writesIn } from '../helpers/orgWrites';
import { editFile, setJson } from '../helpers/projectCopy';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { calls, run, snapshot, useSimulatedOrg } from '../helpers/simulatedOrg';
import { fixtureCases } from '../helpers/fixtureCases';

/**
 * Every file in test/fixtures/org-bad-inputs/ is one bad input to an org command, run against a
 * simulated org: exit 1, the named error with its message and a fix, and the org received no
 * write (no deploy, no record created or changed) and holds exactly what it held before.
 */
type OrgBadInput = {
  description: string;
  argv: string[];
  cwd?: string;
  write?: Record<string, string>;
  writeUtf16?: Record<string, string>;
  setJson?: Array<{ file: string; path: string; value?: unknown }>;
  edit?: Array<{ file: string; find: string; replace: string }>;
  mkdir?: string[];
  fifo?: string[];
  expect: { name: string; message: string };
};

const cases = fixtureCases<OrgBadInput>('org-bad-inputs');

describe('org commands refuse bad input before anything reaches the org', () => {
  const project = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it.each(cases)('%s', async (_name, testCase) => {
    const dir = project();
    for (const [file, content] of Object.entries(testCase.write ?? {})) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), content);
    }
    for (const [file, content] of Object.entries(testCase.writeUtf16 ?? {}))
      fs.writeFileSync(
        path.join(dir, file),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(content, 'utf16le')])
      );
    for (const s of testCase.setJson ?? []) setJson(dir, s.file, s.path, s.value);
    for (const e of testCase.edit ?? []) editFile(dir, e.file, e.find, e.replace);
    for (const d of testCase.mkdir ?? []) fs.mkdirSync(path.join(dir, d), { recursive: true });
    for (const f of testCase.fifo ?? []) execFileSync('mkfifo', [path.join(dir, f)]);
    const before = snapshot(sim());
    if (testCase.cwd) process.chdir(path.join(dir, testCase.cwd));
    const { code, json } = await run(...testCase.argv, '--json');
    const envelope = json() as { status: number; name: string; message: string; actions: string[] };
    expect({ code, name: envelope.name }).toEqual({ code: 1, name: testCase.expect.name });
    expect(envelope.message).toContain(testCase.expect.message);
    expect(envelope.actions.join(' ')).toMatch(/\S/);
    expect(writesIn(calls(sim()))).toEqual([]);
    expect(snapshot(sim())).toBe(before);
  });

  it('has a case for every org-facing defect of issue 10', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });
});
