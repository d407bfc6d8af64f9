import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';

/**
 * Vendors are data (force-app/<vendor>/vendor.json): generic code in src/ must not know one by
 * name. This reads every identifier and string of src/ (comments aside, where a vendor may be an
 * example) and every JSON data file there, and fails on a vendor's name as a word.
 */
const SRC = path.join(__dirname, '..', '..', 'src');
const VENDOR_WORDS = new Set(['ispm', 'reco']);

/** The words of a text: camelCase, PascalCase, snake_case, kebab-case and sentences split apart. */
const wordsOf = (text: string): string[] =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());

const codeTexts = (file: string): string[] => {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const texts: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) texts.push(node.text);
    else if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) texts.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return texts;
};

const files = (fs.readdirSync(SRC, { recursive: true }) as string[])
  .map((f) => path.join(SRC, f))
  .filter((f) => /\.(ts|json)$/.test(f));

const vendorNamesIn = (file: string): string[] => {
  const texts = file.endsWith('.json') ? [fs.readFileSync(file, 'utf8')] : codeTexts(file);
  return texts.filter((t) => wordsOf(t).some((w) => VENDOR_WORDS.has(w)));
};

describe('src/ names no vendor', () => {
  it('reads the code it checks', () => {
    expect(files.filter((f) => f.endsWith('.ts')).length).toBeGreaterThan(100);
    expect(codeTexts(path.join(SRC, 'catalogue', 'vendorEntry.ts'))).toContain('integrationUsername');
  });

  it('finds a vendor name in code, not in a comment or inside another word', () => {
    expect(wordsOf('ISPMServer ispm_user recoUser RecoIntrospection record reconcile')).toEqual([
      'ispm',
      'server',
      'ispm',
      'user',
      'reco',
      'user',
      'reco',
      'introspection',
      'record',
      'reconcile',
    ]);
    const sample = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'no-vendor-')), 'sample.ts');
    fs.writeFileSync(
      sample,
      '// ISPM is an example here\nconst records = 1;\nexport const x = `${records} for Reco`;\n'
    );
    expect(vendorNamesIn(sample)).toEqual([' for Reco']);
  });

  it.each(files.map((f) => [path.relative(SRC, f), f]))('%s', (_rel, file) => {
    expect(vendorNamesIn(file)).toEqual([]);
  });
});
