import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');
const MESSAGES = path.join(ROOT, 'messages');

/** Every src/ file, relative to src/, with its text: where the codes tests look for uses. */
export const sources = fs
  .readdirSync(SRC, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: fs.readFileSync(path.join(SRC, f), 'utf8') }));

/**
 * Problem codes the catalogue's schemas name (`"x-problems": { "<keyword>": "<Code>" }` in
 * schemas/*.schema.json): src/catalogue/schemaCheck.ts reports them from messages/catalogue.md.
 */
export const schemaCodes = fs
  .readdirSync(path.join(ROOT, 'schemas'))
  .filter((f) => f.endsWith('.schema.json'))
  .flatMap((f) =>
    [...fs.readFileSync(path.join(ROOT, 'schemas', f), 'utf8').matchAll(/"x-problems":\s*\{([^}]*)\}/g)].flatMap((m) =>
      [...(m[1] ?? '').matchAll(/"[a-zA-Z]+":\s*"([^"]+)"/g)].map((c) => ({ file: f, code: c[1] ?? '' }))
    )
  );

/** `# <kind>.<Key>` headings of every messages/ bundle (`.fix` keys included), with the bundle they are in. */
export const headings = (kind: 'error' | 'finding' | 'problem'): Array<{ bundle: string; key: string }> =>
  fs
    .readdirSync(MESSAGES)
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) =>
      [
        ...fs.readFileSync(path.join(MESSAGES, f), 'utf8').matchAll(new RegExp(`^#\\s*${kind}\\.([^\\s]+)\\s*$`, 'gm')),
      ].map((m) => ({ bundle: f.replace(/\.md$/, ''), key: m[1] ?? '' }))
    );

/** The text of `messages/<bundle>.md`. */
export const bundleText = (bundle: string): string => fs.readFileSync(path.join(MESSAGES, `${bundle}.md`), 'utf8');

/**
 * Every code a problem may carry: `# problem.<Code>` headings, and the names of `# error.<Key>`
 * errors (`<Key>Error`, as createError names them) for problems made from a named error.
 */
export const listedCodes = (): Set<string> =>
  new Set([
    ...headings('problem')
      .map((h) => h.key)
      .filter((k) => !k.endsWith('.fix')),
    ...headings('error')
      .map((h) => h.key)
      .filter((k) => !k.includes('.'))
      .map((k) => (k.endsWith('Error') ? k : `${k}Error`)),
  ]);
