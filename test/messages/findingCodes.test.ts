import path from 'node:path';
import { findingsFrom } from '../../src/org/findings';
import { headings, sources } from '../helpers/messageCodes';

const listed = headings('finding');
const codes = listed.filter((l) => !l.key.endsWith('.fix'));
const fixes = listed.filter((l) => l.key.endsWith('.fix'));
const problemCodes = new Set(headings('problem').map((l) => l.key));
const hasFix = (bundle: string, code: string): boolean =>
  fixes.some((f) => f.bundle === bundle && f.key === `${code}.fix`);

/** `const finding = findingsFrom('<bundle>')` in a file, then every `finding.pass|warn|fail(<first argument>` in it. */
const uses = sources.flatMap(({ file, text }) =>
  [...text.matchAll(/(\w+)\s*=\s*findingsFrom\('([^']+)'\)/g)].flatMap((made) =>
    [...text.matchAll(new RegExp(`\\b${made[1] ?? ''}\\.(pass|warn|fail)\\(\\s*([^,)]*)`, 'g'))].map((m) => ({
      file,
      bundle: made[2] ?? '',
      how: m[1] ?? '',
      argument: (m[2] ?? '').trim(),
      code: /^'([A-Z][A-Za-z0-9]*)'$/.exec((m[2] ?? '').trim())?.[1] ?? '',
    }))
  )
);

describe('every verify finding has a stable code listed in messages/', () => {
  it('reads the codes and their uses (a parser that found nothing would pass anything)', () => {
    expect(codes.length).toBeGreaterThan(20);
    expect(problemCodes.size).toBeGreaterThan(0);
    expect(uses.length).toBeGreaterThan(20);
    expect(uses.some((u) => u.file === path.join('org', 'hardening', 'hardeningFindings.ts'))).toBe(true);
  });

  it('each code is PascalCase, listed once across all bundles, and is no problem code', () => {
    expect(codes.filter((c) => !/^[A-Z][A-Za-z0-9]*$/.test(c.key))).toEqual([]);
    const seen = new Set<string>();
    const twice = codes.filter((c) => {
      const again = seen.has(c.key);
      seen.add(c.key);
      return again;
    });
    expect(twice).toEqual([]);
    expect(codes.filter((c) => problemCodes.has(c.key))).toEqual([]);
  });

  it('each finding src/ makes names its code literally, listed in the bundle its file reads', () => {
    expect(uses.filter((u) => u.code === '')).toEqual([]);
    expect(uses.filter((u) => !codes.some((c) => c.key === u.code && c.bundle === u.bundle))).toEqual([]);
  });

  it('a failure has a fix, a pass or a warning has none, and no fix stands without its code', () => {
    expect(uses.filter((u) => (u.how === 'fail') !== hasFix(u.bundle, u.code))).toEqual([]);
    expect(fixes.filter((f) => !codes.some((c) => c.bundle === f.bundle && `${c.key}.fix` === f.key))).toEqual([]);
  });

  it('each listed code is made somewhere in src/ (no stale codes)', () => {
    expect(codes.filter((c) => !uses.some((u) => u.code === c.key && u.bundle === c.bundle))).toEqual([]);
  });
});

describe('findingsFrom', () => {
  const finding = findingsFrom('verify');

  it('fills a pass, a warning and a failure from messages/ and keeps the code', () => {
    expect(finding.pass('ComponentAsIntended', ['permissionsets/X.permissionset'])).toEqual({
      code: 'ComponentAsIntended',
      ok: true,
      what: 'permissionsets/X.permissionset as intended',
    });
    expect(finding.warn('HardenedModeOff', ['acme'])).toMatchObject({
      code: 'HardenedModeOff',
      ok: true,
      warning: true,
    });
    expect(finding.fail('ComponentDiffers', ['settings/Security.settings'], [], 'add range 1.2.3.4')).toEqual({
      code: 'ComponentDiffers',
      ok: false,
      what: 'settings/Security.settings differs',
      detail: 'add range 1.2.3.4',
      fix: 'Run vendor-access deploy; then verify again.',
    });
  });

  it('refuses a template filled with the wrong number of values (a bug, not a half-filled text)', () => {
    expect(() => finding.pass('ComponentAsIntended', ['one', 'two'])).toThrow(
      expect.objectContaining({ name: 'FindingTokensError' })
    );
    expect(() => finding.fail('ComponentMissing', ['x'], ['an unwanted fix value'])).toThrow(
      expect.objectContaining({ name: 'FindingTokensError' })
    );
  });
});
