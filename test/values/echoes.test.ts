import { checkVendors } from '../../src/check';
import { echo } from '../../src/messages/echo';
import { parseSince } from '../../src/lifecycle/since';
import { copyProject, removeProject, setJson } from '../helpers/projectCopy';

describe('messages repeat user input cut short and with its controls shown', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyProject();
  });
  afterEach(() => removeProject(dir));

  it('a 100,000-character value is echoed as its first 200 characters and its length', async () => {
    const long = `${'a'.repeat(100_000)}@example.com`;
    setJson(dir, 'config/orgs/example.json', 'vendors.ispm.contactEmail', long);
    const result = await checkVendors({
      projectDir: dir,
      vendors: ['ispm'],
      valuesFile: 'config/orgs/example.json',
      env: {},
    });
    const found = result.problems.find((p) => p.field === 'vendors.ispm.contactEmail');
    expect(found?.message).toBe(`"${'a'.repeat(200)}… (100012 characters in all)" is longer than 80 characters`);
  });

  it('ESC, U+202E and U+200B are written out, never sent to the terminal', () => {
    expect(echo('a\u001b[31mb\u202Ec\u200Bd')).toBe('a\\u{1B}[31mb\\u{202E}c\\u{200B}d');
  });
});

describe('--since names a real, past instant', () => {
  const now = new Date('2026-12-06T12:00:00Z');
  it.each([
    ['2099-01-01', 'SinceInFutureError', '--since 2099-01-01 is in the future (today is 2026-12-06)'],
    ['2026-02-30', 'BadSinceError', '--since "2026-02-30" is not a duration or a date.'],
    ['2026-13-01', 'BadSinceError', '--since "2026-13-01" is not a duration or a date.'],
    ['2026-11-01T25:00Z', 'BadSinceError', 'is not a duration or a date'],
  ])('refuses %s', (text, name, message) => {
    expect(() => parseSince(text, now)).toThrow(
      expect.objectContaining({ name, message: expect.stringContaining(message) as string })
    );
  });

  it.each([
    ['7d', '2026-11-29T12:00:00Z'],
    ['2026-02-28', '2026-02-28T00:00:00Z'],
    ['2024-02-29', '2024-02-29T00:00:00Z'],
    ['2026-11-01T08:30:00Z', '2026-11-01T08:30:00Z'],
  ])('reads %s', (text, iso) => {
    expect(parseSince(text, now)).toBe(iso);
  });
});
