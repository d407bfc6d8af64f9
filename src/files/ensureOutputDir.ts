import fs from 'node:fs';
import path from 'node:path';
import { messages } from './messages';

/**
 * Makes an output folder (and its parents), or says which part of the path is in the way: a file
 * where a folder must be (ENOTDIR/EEXIST), or a folder the user may not write. Called before any
 * side effect so a failure here changes nothing.
 *
 * @throws OutputPathBlockedError, OutputNotWritableError
 */
export const ensureOutputDir = (dir: string, projectDir: string): void => {
  const shown = (p: string): string => path.relative(projectDir, p).split(path.sep).join('/') || '.';
  // The first existing part of the path that is not a folder is what blocks it.
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(current);
    } catch {
      stat = undefined;
    }
    if (stat && !stat.isDirectory())
      throw messages.createError('error.OutputPathBlocked', [shown(dir), shown(current)]);
    if (stat !== undefined || path.dirname(current) === current) break;
  }
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    throw messages.createError('error.OutputNotWritable', [
      shown(dir),
      (err as NodeJS.ErrnoException).code ?? 'unknown',
    ]);
  }
};
