import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { checkVendors } from '../../src/check';
import { copyProject, editFile, removeProject, setJson } from '../helpers/projectCopy';
import { listedCodes } from '../helpers/messageCodes';
import { fixtureCases } from '../helpers/fixtureCases';

/**
 * Every file in test/fixtures/check/ is one bad input: how to break a copy of the project, and the
 * exact problem the user must see (file, field, message). Adding a case is adding a file.
 */
type BadInputCase = {
  description: string;
  vendor?: string[];
  values?: string;
  now?: string;
  edit?: Array<{ file: string; find: string; replace: string }>;
  setJson?: Array<{ file: string; path: string; value?: unknown }>;
  write?: Record<string, string>;
  /** Files written as bytes (base64): UTF-16, binary. */
  writeBase64?: Record<string, string>;
  /** Files of `text` repeated `times` (an oversize input without an oversize fixture). */
  writeRepeat?: Array<{ file: string; text: string; times: number }>;
  mkdir?: string[];
  fifo?: string[];
  /** Symbolic links: `path` in the project pointing at `target` (project-relative, or absolute like /dev/zero). */
  symlink?: Array<{ path: string; target: string }>;
  /** File modes; these cases are skipped when run as root, who reads any file. */
  chmod?: Array<{ file: string; mode: string }>;
  remove?: string[];
  expect: { file: string; field: string; message: string };
};

const codes = listedCodes();
const cases = fixtureCases<BadInputCase>('check');

describe('check rejects bad input with file, field, message and fix', () => {
  it('has at least 25 distinct bad-input cases', () => {
    expect(new Set(cases.map(([, c]) => c.expect.message)).size).toBeGreaterThanOrEqual(25);
  });

  const asRoot = process.getuid?.() === 0;
  it.each(cases)('%s', async (_name, testCase) => {
    // Root reads a file whatever its mode; the case runs on CI and developer machines.
    if (testCase.chmod && asRoot) return;
    const dir = copyProject();
    try {
      for (const e of testCase.edit ?? []) editFile(dir, e.file, e.find, e.replace);
      for (const s of testCase.setJson ?? []) setJson(dir, s.file, s.path, s.value);
      for (const [file, content] of Object.entries(testCase.write ?? {})) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), content);
      }
      for (const [file, base64] of Object.entries(testCase.writeBase64 ?? {}))
        fs.writeFileSync(path.join(dir, file), Buffer.from(base64, 'base64'));
      for (const r of testCase.writeRepeat ?? []) fs.writeFileSync(path.join(dir, r.file), r.text.repeat(r.times));
      for (const d of testCase.mkdir ?? []) fs.mkdirSync(path.join(dir, d), { recursive: true });
      for (const f of testCase.fifo ?? []) execFileSync('mkfifo', [path.join(dir, f)]);
      for (const l of testCase.symlink ?? [])
        fs.symlinkSync(path.isAbsolute(l.target) ? l.target : path.join(dir, l.target), path.join(dir, l.path));
      for (const c of testCase.chmod ?? []) fs.chmodSync(path.join(dir, c.file), Number.parseInt(c.mode, 8));
      for (const file of testCase.remove ?? []) fs.rmSync(path.join(dir, file));
      const result = await checkVendors({
        projectDir: dir,
        vendors: testCase.vendor ?? ['all'],
        valuesFile: testCase.values ?? 'config/orgs/example.json',
        env: {},
        ...(testCase.now ? { now: new Date(testCase.now) } : {}),
      });
      expect(result.ok).toBe(false);
      expect(result.problems).toContainEqual({
        // Every problem names its kind with a stable code listed in messages/ (test/messages/problemCodes.test.ts).
        code: expect.stringMatching(/^[A-Z][A-Za-z0-9]*$/),
        severity: 'error',
        ...testCase.expect,
        fix: expect.stringMatching(/\S/) as unknown as string,
      });
      expect(result.problems.filter((p) => !codes.has(p.code))).toEqual([]);
      // Nothing is written when a check fails (a case may have put a file named out/ in the way).
      if (!testCase.write?.out) expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    } finally {
      for (const c of testCase.chmod ?? []) fs.chmodSync(path.join(dir, c.file), 0o644);
      removeProject(dir);
    }
  });
});
