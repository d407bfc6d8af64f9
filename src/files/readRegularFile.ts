import fs from 'node:fs';
import { messages } from './messages';

export type ReadFileOptions = {
  /** Refuse files larger than this (checked on the open file before reading, and while reading). */
  maxBytes: number;
  /** How the file is named in messages: the path as the user wrote it. Default: `file`. */
  display?: string;
};

const kindOf = (stat: fs.Stats): string => {
  if (stat.isDirectory()) return 'folder';
  if (stat.isFIFO()) return 'named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'character device';
  if (stat.isBlockDevice()) return 'block device';
  if (stat.isSocket()) return 'socket';
  return 'special file';
};

const openError = (err: unknown, display: string): Error => {
  const code = (err as NodeJS.ErrnoException).code ?? 'unknown';
  if (code === 'ENOENT') return messages.createError('error.FileNotFound', [display]);
  if (code === 'EACCES' || code === 'EPERM') return messages.createError('error.FilePermissionDenied', [display]);
  if (code === 'ENOTDIR') return messages.createError('error.PathThroughFile', [display]);
  if (code === 'ELOOP') return messages.createError('error.SymlinkLoop', [display]);
  return messages.createError('error.FileUnreadable', [display, code]);
};

/**
 * Reads a regular file of bounded size. The file is opened without blocking (a named pipe with no
 * writer cannot hang the run) and judged on the open descriptor, so what is checked is what is read:
 * folders, pipes and devices (/dev/zero) are refused before a byte is read, and a file over
 * `maxBytes` is refused however it grows. Errors name the file and the fix, never Node's text.
 *
 * @throws FileNotFoundError, FilePermissionDeniedError, PathThroughFileError, SymlinkLoopError,
 * NotARegularFileError, FileTooLargeError, FileUnreadableError
 */
export const readRegularFile = (file: string, options: ReadFileOptions): Buffer => {
  const display = options.display ?? file;
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw openError(err, display);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw messages.createError('error.NotARegularFile', [display, kindOf(stat)]);
    if (stat.size > options.maxBytes)
      throw messages.createError('error.FileTooLarge', [display, stat.size, options.maxBytes]);
    // Sized from fstat (plus one byte to notice growth); grown, up to the limit, if the file grows.
    let buffer = Buffer.alloc(stat.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > options.maxBytes)
          throw messages.createError('error.FileTooLarge', [
            display,
            `more than ${options.maxBytes}`,
            options.maxBytes,
          ]);
        const grown = Buffer.alloc(Math.min(options.maxBytes + 1, buffer.length * 2));
        buffer.copy(grown);
        buffer = grown;
      }
      let read: number;
      try {
        read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      } catch (err) {
        throw openError(err, display);
      }
      if (read === 0) break;
      length += read;
      if (length > options.maxBytes)
        throw messages.createError('error.FileTooLarge', [display, `more than ${options.maxBytes}`, options.maxBytes]);
    }
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
};
