import fs from 'node:fs';
import path from 'node:path';
import { checkVendors } from '../../src/check';
import { copyProject, editFile, removeProject, setJson } from '../helpers/projectCopy';

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
  remove?: string[];
  expect: { file: string; field: string; message: string };
};

const CASES_DIR = path.join(__dirname, '..', 'fixtures', 'check');
const cases = fs
  .readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(CASES_DIR, f), 'utf8')) as BadInputCase] as const);

describe('check rejects bad input with file, field, message and fix', () => {
  it('has at least 25 distinct bad-input cases', () => {
    expect(new Set(cases.map(([, c]) => c.expect.message)).size).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('%s', async (_name, testCase) => {
    const dir = copyProject();
    try {
      for (const e of testCase.edit ?? []) editFile(dir, e.file, e.find, e.replace);
      for (const s of testCase.setJson ?? []) setJson(dir, s.file, s.path, s.value);
      for (const [file, content] of Object.entries(testCase.write ?? {})) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), content);
      }
      for (const file of testCase.remove ?? []) fs.rmSync(path.join(dir, file));
      const result = await checkVendors({
        projectDir: dir,
        vendors: testCase.vendor ?? ['all'],
        valuesFile: testCase.values ?? 'config/orgs/example.json',
        env: {},
        ...(testCase.now ? { now: new Date(testCase.now) } : {}),
      });
      expect(result.ok).toBe(false);
      expect(result.problems).toContainEqual({ severity: 'error', ...testCase.expect, fix: expect.stringMatching(/\S/) as unknown as string });
      // Nothing is written when a check fails.
      expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    } finally {
      removeProject(dir);
    }
  });
});
