import fs from 'node:fs';
import path from 'node:path';

const MESSAGES = path.join(__dirname, '..', '..', 'messages');

/**
 * Every code a problem may carry: `# problem.<Code>` headings, and the names of `# error.<Key>`
 * errors (`<Key>Error`, as createError names them) for problems made from a named error.
 */
export const listedCodes = (): Set<string> => {
  const codes = new Set<string>();
  for (const file of fs.readdirSync(MESSAGES).filter((f) => f.endsWith('.md'))) {
    const text = fs.readFileSync(path.join(MESSAGES, file), 'utf8');
    for (const m of text.matchAll(/^#\s*problem\.([A-Za-z0-9]+)\s*$/gm)) codes.add(m[1] ?? '');
    for (const m of text.matchAll(/^#\s*error\.([A-Za-z0-9]+)\s*$/gm)) {
      const key = m[1] ?? '';
      codes.add(key.endsWith('Error') ? key : `${key}Error`);
    }
  }
  return codes;
};
