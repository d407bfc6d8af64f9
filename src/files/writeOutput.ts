import fs from 'node:fs';
import path from 'node:path';
import { messages } from './messages';
import { checkOutputPath, OutputContext, OutputTarget, shownPath } from './outputPath';

const failure = (label: string, given: string, err: unknown): Error => {
  const code = (err as NodeJS.ErrnoException).code ?? 'unknown';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return messages.createError('error.OutputPermissionDenied', [label, shownPath(given)]);
  return messages.createError('error.OutputWriteFailed', [label, shownPath(given), code]);
};

/**
 * Creates a checked folder one part at a time (never `mkdir -p`: Node's recursive mkdir loops
 * forever where a parent exists but refuses children, as /proc does). At most one mkdir per
 * missing part.
 *
 * @throws OutputPermissionDeniedError, OutputWriteFailedError
 */
export const makeFolder = (real: string, label: string, given: string, mode = 0o777): void => {
  const missing: string[] = [];
  let current = real;
  while (!fs.existsSync(current)) {
    const parent = path.dirname(current);
    if (parent === current) break;
    missing.unshift(path.basename(current));
    current = parent;
  }
  for (const part of missing) {
    current = path.join(current, part);
    try {
      fs.mkdirSync(current, { mode });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.statSync(current).isDirectory())
        throw failure(label, given, err);
    }
  }
};

/**
 * Checks an output folder by the one rule (checkOutputPath) and creates it. Returns its real path.
 *
 * @throws the errors of checkOutputPath and makeFolder
 */
export const prepareOutputFolder = (
  target: OutputTarget & { kind: 'folder' },
  context: OutputContext,
  mode?: number
): string => {
  const { real } = checkOutputPath(target, context);
  makeFolder(real, target.label, target.given, mode);
  return real;
};

/**
 * Writes an output file by the one rule: checked (again) just before, its folder created, opened
 * without following a link planted since and without blocking on a pipe, judged on the open file.
 * Returns the real path written.
 *
 * @throws the errors of checkOutputPath, OutputSpecialFileError, OutputPermissionDeniedError, OutputWriteFailedError
 */
export const writeOutputFile = (
  target: OutputTarget & { kind: 'file' },
  context: OutputContext,
  content: string | Buffer,
  mode = 0o644
): string => {
  const { real } = checkOutputPath(target, context);
  makeFolder(path.dirname(real), target.label, target.given);
  let fd: number;
  try {
    fd = fs.openSync(
      real,
      fs.constants.O_WRONLY | fs.constants.O_CREAT | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0),
      mode
    );
  } catch (err) {
    throw failure(target.label, target.given, err);
  }
  try {
    if (!fs.fstatSync(fd).isFile())
      throw messages.createError('error.OutputSpecialFile', [target.label, shownPath(target.given), 'special file']);
    fs.ftruncateSync(fd);
    fs.writeFileSync(fd, content);
  } catch (err) {
    if (err instanceof Error && err.name === 'OutputSpecialFileError') throw err;
    throw failure(target.label, target.given, err);
  } finally {
    fs.closeSync(fd);
  }
  return real;
};
