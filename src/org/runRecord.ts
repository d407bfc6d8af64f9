import fs from 'node:fs';
import path from 'node:path';

/**
 * The one writer of run records (out/deploys/, out/lifecycle/, out/activity/): `<id>-<kind>-<time>.json`
 * in `dir`, pretty JSON ending in a newline; returns the file's path relative to the project with `/`
 * separators, as outputs and other records name it. `at` is the ISO time the record is about.
 */
export const writeRunRecord = (
  projectDir: string,
  dir: string,
  name: { id: string; kind: string; at: string },
  body: unknown
): string => {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.id}-${name.kind}-${name.at.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(body, undefined, 2)}\n`);
  return path.relative(projectDir, file).split(path.sep).join('/');
};
