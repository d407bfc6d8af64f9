import fs from 'node:fs';
import path from 'node:path';

/** Every file below `dir` (absolute paths), sorted for stable reports. */
export const listFiles = (dir: string): string[] => {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
};

export const toPosix = (p: string): string => p.split(path.sep).join('/');
