import fs from 'node:fs';
import path from 'node:path';

/** The JSON cases of `test/fixtures/<folder>/`, sorted, as `[name, case]` pairs for `it.each`. */
export const fixtureCases = <T>(folder: string): Array<readonly [string, T]> => {
  const dir = path.join(__dirname, '..', 'fixtures', folder);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as T] as const);
};
