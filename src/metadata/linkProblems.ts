import fs from 'node:fs';
import path from 'node:path';
import { INPUT_LIMITS, readRegularFile } from '../files';
import { type Problem, problemsFrom } from '../problems';
import { toPosix } from './listFiles';

const problem = problemsFrom('metadata');

const KEY_MATERIAL = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/;

/** Every symbolic link below `dir` (absolute paths), not followed. */
const listLinks = (dir: string): string[] => {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isSymbolicLink()) out.push(full);
      else if (entry.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out.sort();
};

/**
 * Symbolic links in a vendor folder are refused: a link can change what is deployed without a
 * change anyone reviews, and one pointing at a private key would carry the key into a package or
 * a log. A link to key material gets its own message (the link target is read, bounded, to tell).
 */
export const linkProblems = (projectDir: string, vendorDir: string): Problem[] =>
  listLinks(vendorDir).map((link) => {
    const rel = toPosix(path.relative(projectDir, link));
    let keyMaterial = false;
    try {
      keyMaterial = KEY_MATERIAL.test(
        readRegularFile(link, { maxBytes: INPUT_LIMITS.projectFileBytes }).toString('latin1')
      );
    } catch {
      // A broken link, or one to a folder or device: refused below all the same.
    }
    const where = { file: rel, field: '' };
    return keyMaterial ? problem.error('SymlinkToPrivateKey', where) : problem.error('SymlinkInForceApp', where);
  });
