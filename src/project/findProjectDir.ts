import fs from 'node:fs';
import path from 'node:path';
import { loadMessages } from '../messages';

const messages = loadMessages('check');

/** The nearest folder at or above `from` that holds sfdx-project.json. */
export const findProjectDir = (from: string = process.cwd()): string => {
  let dir = path.resolve(from);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'sfdx-project.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw messages.createError('error.NotInProject', [path.resolve(from)]);
    dir = parent;
  }
};
