import path from 'node:path';
import { problemsFrom } from '../../src/problems/problems';
import { bundleText, headings, schemaCodes, sources } from '../helpers/messageCodes';

/** `# problem.<Code>` headings of every bundle, with the bundle they are in. */
const listed = headings('problem');
const codes = listed.filter((l) => !l.key.endsWith('.fix'));

/**
 * `problemsFrom('<bundle>')` in a file (or the catalogue's ShapeCheck, which reads messages/catalogue.md),
 * then `.error('<Code>'` / `.warning('<Code>'` calls in it; and the codes the schemas name, which
 * src/catalogue/schemaCheck.ts reports from messages/catalogue.md.
 */
const uses = sources
  .flatMap(({ file, text }) => {
    const bundles = [
      ...[...text.matchAll(/problemsFrom\('([^']+)'\)/g)].map((m) => m[1] ?? ''),
      ...(text.includes("from './shapeCheck'") ? ['catalogue'] : []),
    ];
    return [...text.matchAll(/\.(?:error|warning)\(\s*'([A-Z][A-Za-z0-9]*)'/g)].map((m) => ({
      file,
      bundles,
      code: m[1] ?? '',
    }));
  })
  .concat(schemaCodes.map(({ file, code }) => ({ file: `schemas/${file}`, bundles: ['catalogue'], code })));

describe('every problem has a stable code listed in messages/', () => {
  it('reads the codes and their uses (a parser that found nothing would pass anything)', () => {
    expect(sources.length).toBeGreaterThan(100);
    expect(codes.length).toBeGreaterThan(0);
    expect(uses.length).toBeGreaterThan(0);
    expect(schemaCodes.map((s) => s.code)).toContain('VendorJsonStepNotImplemented');
  });

  it('each code is PascalCase, listed once across all bundles, and has a fix', () => {
    const bad = codes.filter((c) => !/^[A-Z][A-Za-z0-9]*$/.test(c.key));
    expect(bad).toEqual([]);
    const seen = new Map<string, string>();
    const twice = codes.filter((c) => {
      const first = seen.get(c.key);
      seen.set(c.key, c.bundle);
      return first !== undefined;
    });
    expect(twice).toEqual([]);
    const withoutFix = codes.filter((c) => !listed.some((l) => l.bundle === c.bundle && l.key === `${c.key}.fix`));
    expect(withoutFix).toEqual([]);
  });

  it('each code src/ makes is listed in the bundle its file reads', () => {
    const unlisted = uses.filter((u) => !codes.some((c) => c.key === u.code && u.bundles.includes(c.bundle)));
    expect(unlisted).toEqual([]);
  });

  it('each listed code is made somewhere in src/ (no stale codes)', () => {
    const unused = codes.filter(
      (c) => !sources.some(({ text }) => text.includes(`'${c.key}'`)) && !schemaCodes.some((s) => s.code === c.key)
    );
    expect(unused).toEqual([]);
  });
});

describe('problems are made in one place', () => {
  it('no file outside src/problems/ writes a problem literal (`severity: ...`): problemsFrom makes them', () => {
    const literal = sources.filter(
      ({ file, text }) => !file.startsWith(`problems${path.sep}`) && /severity:\s*'(?:error|warning)'/.test(text)
    );
    expect(literal.map((s) => s.file)).toEqual([]);
  });
});

describe('problemsFrom', () => {
  it('fills a listed problem from messages/ and keeps its code', () => {
    const first = codes[0];
    if (!first) throw new Error('no problem codes listed');
    const text = bundleText(first.bundle);
    const count = (key: string): number =>
      (text.split(new RegExp(`^#\\s*${key.replace('.', '\\.')}\\s*$`, 'm'))[1] ?? '').split(/^#/m)[0]?.match(/%s/g)
        ?.length ?? 0;
    const p = problemsFrom(first.bundle).warning(
      first.key,
      { file: 'f.json', field: 'a.b' },
      Array.from({ length: count(`problem.${first.key}`) }, () => 'X'),
      Array.from({ length: count(`problem.${first.key}.fix`) }, () => 'Y')
    );
    expect(p).toMatchObject({ code: first.key, severity: 'warning', file: 'f.json', field: 'a.b' });
    expect(p.message).not.toMatch(/%s/);
  });

  it('refuses a template filled with the wrong number of values (a bug, not a half-filled text)', () => {
    const first = codes[0];
    if (!first) throw new Error('no problem codes listed');
    expect(() =>
      problemsFrom(first.bundle).error(first.key, { file: 'f', field: '' }, ['one', 'two', 'three', 'four', 'five'])
    ).toThrow(expect.objectContaining({ name: 'ProblemTokensError' }));
  });
});
