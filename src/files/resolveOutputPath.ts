import fs from 'node:fs';
import path from 'node:path';
import { messages } from './messages';

export type ResolvedOutput = {
  /** The real path of the deepest part of the path that exists. */
  existing: string;
  /** The parts below it that do not exist yet (empty: the path exists). */
  missing: string[];
  /** `existing` with `missing` appended: where the output lands. */
  real: string;
};

// Where the operating system shows processes, devices and kernel state as files. Creating folders
// there fails in ways Node's recursive mkdir never returns from (mkdir /proc/self/x answers ENOENT
// with an existing parent, and Node retries forever), and nothing written there is kept.
const SPECIAL_ROOTS = ['/proc', '/sys', '/dev'];
// statfs f_type of the same file systems mounted elsewhere (linux/magic.h): proc, sysfs, debugfs,
// securityfs, cgroup, cgroup2.
const SPECIAL_TYPES = new Map<number, string>([
  [0x9f_a0, 'proc'],
  [0x62_65_65_72, 'sysfs'],
  [0x64_62_67_20, 'debugfs'],
  [0x73_63_66_73, 'securityfs'],
  [0x27_e0_eb, 'cgroup'],
  [0x63_67_72_70, 'cgroup2'],
]);

/** A path as typed, safe to print: control and direction characters shown as `?`, at most 200 characters. */
export const shownPath = (given: string): string =>
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a terminal
  given.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '?').slice(0, 200);

const specialRoot = (p: string): string | undefined =>
  process.platform === 'win32' ? undefined : SPECIAL_ROOTS.find((root) => p === root || p.startsWith(`${root}/`));

const specialType = (existing: string): string | undefined => {
  if (process.platform !== 'linux') return undefined;
  try {
    return SPECIAL_TYPES.get(fs.statfsSync(existing).type);
  } catch {
    return undefined;
  }
};

/**
 * Resolves an output path without creating anything: walks up to the nearest part that exists
 * (at most one step per path part, so it always ends), resolves that part's symbolic links, and
 * appends the rest. Refuses a path with a NUL, a special file system, a link to nothing and links
 * that loop, each by name.
 *
 * @throws OutputPathInvalidError, OutputSpecialFileSystemError, OutputDanglingSymlinkError,
 * OutputSymlinkLoopError, OutputPermissionDeniedError
 */
export const resolveOutputPath = (label: string, given: string, absolute: string): ResolvedOutput => {
  const shown = shownPath(given);
  // NAME_MAX is 255 bytes on the common file systems (ext4, APFS, NTFS in UTF-16 units): a longer
  // part would only fail when written, after the org changed.
  if (
    absolute.includes('\0') ||
    path
      .resolve(absolute)
      .split(path.sep)
      .some((part) => Buffer.byteLength(part) > 255)
  )
    throw messages.createError('error.OutputPathInvalid', [label, shown]);
  const lexical = specialRoot(path.resolve(absolute));
  if (lexical) throw messages.createError('error.OutputSpecialFileSystem', [label, shown, lexical]);
  const missing: string[] = [];
  let current = path.resolve(absolute);
  let stat: fs.Stats | undefined;
  while (!stat) {
    try {
      stat = fs.lstatSync(current);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM')
        throw messages.createError('error.OutputPermissionDenied', [label, shown]);
      // Found now, not when the file is written after the org changed.
      if (code === 'ENAMETOOLONG') throw messages.createError('error.OutputPathInvalid', [label, shown]);
      // ENOENT, or ENOTDIR (a file on the way, named once its ancestor is reached): go up one part.
      const parent = path.dirname(current);
      if (parent === current) break;
      missing.unshift(path.basename(current));
      current = parent;
    }
  }
  let existing: string;
  try {
    existing = fs.realpathSync(current);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP')
      throw messages.createError('error.OutputSymlinkLoop', [label, shown]);
    let link = '';
    try {
      link = fs.readlinkSync(current);
    } catch {
      link = '?';
    }
    const name = path.relative(process.cwd(), current) || current;
    throw messages.createError('error.OutputDanglingSymlink', [label, shown, name, link]);
  }
  const real = path.join(existing, ...missing);
  const special = specialRoot(real) ?? specialType(existing);
  if (special) throw messages.createError('error.OutputSpecialFileSystem', [label, shown, special]);
  return { existing, missing, real };
};
