import fs from 'node:fs';
import path from 'node:path';
import { messages } from './messages';
import { protectedSources, RunInput } from './protectedSources';
import { resolveOutputPath, shownPath } from './resolveOutputPath';

export { shownPath };

/** What an existing regular file at an output path means. */
export type ExistingFile =
  /** A record vendor-access names itself (a time stamp, an org id): replaced. */
  | { replace: 'always' }
  /** Replaced only when the command was given --force (`cert generate`). */
  | { replace: 'with --force'; force: boolean }
  /** Replaced only when it is this flag's own earlier output (a JUnit report, a shape file): a rerun updates it. */
  | { replace: 'own'; what: string; isOwn: (head: string) => boolean };

/** What an existing folder at an output path may hold. */
export type ExistingFolder =
  /** New files go in beside what is there (out/deploys, the key pair's folder). */
  | { holds: 'anything' }
  /** It must be absent or empty (`stage --output-dir`). */
  | { holds: 'nothing' }
  /** It is emptied and rewritten (`check`'s package folder): it may hold only what vendor-access writes there. */
  | { holds: 'only'; names: string[] };

export type OutputTarget = {
  /** What is written, for messages: "the --junit report", "the deploy records". */
  label: string;
  /** The path as the user typed it (or as vendor-access names it), shown in messages. */
  given: string;
  /** Where `given` resolves: the command decides the base (the working folder, or the project). */
  absolute: string;
} & ({ kind: 'file'; existing: ExistingFile } | { kind: 'folder'; existing: ExistingFolder });

export type OutputContext = {
  projectDir: string;
  /** The files this run reads (values file, certificates, keys, fleet file): never written over. */
  reads?: RunInput[];
};

export type CheckedOutput = {
  /** The path with every symbolic link resolved: where the bytes will land. */
  real: string;
  exists: boolean;
};

/** How far an existing file is read to tell whether it is this flag's own earlier output. */
const HEAD_BYTES = 4096;

const kindOf = (stat: fs.Stats): string => {
  if (stat.isFIFO()) return 'named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'character device';
  if (stat.isBlockDevice()) return 'block device';
  if (stat.isSocket()) return 'socket';
  return 'special file';
};

const isInside = (child: string, parent: string): boolean => {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
};

const headOf = (file: string): string => {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, HEAD_BYTES, 0)).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
};

/**
 * The one rule for every path vendor-access writes (`--output-dir`, `--output`, `--junit`, the
 * records under out/), checked before any side effect and again when writing. Never inside the
 * project's source (force-app/ and every package directory of sfdx-project.json), never onto a
 * file the run reads, never emptying a folder that holds either. Symbolic links are resolved from
 * the nearest existing ancestor (realpath), so a link cannot lead there; a link to nothing, or
 * links that loop, are refused. Never a pipe, device or socket, nor anything on /proc, /sys or
 * /dev (a recursive mkdir there never returns). An existing file is replaced only as `existing`
 * says, an existing folder holds only what `existing` allows, and the folder that would receive
 * the file must be writable. Reads only: nothing is created, so a refusal changes nothing.
 *
 * @throws OutputPathInvalidError, OutputSpecialFileSystemError, OutputDanglingSymlinkError,
 * OutputSymlinkLoopError, OutputPathBlockedError, OutputSpecialFileError, OutputIsFolderError,
 * OutputInSourceError, OutputIsInputError, OutputHoldsInputError, OutputFileExistsError,
 * OutputNotOursError, OutputNotEmptyError, OutputFolderNotOursError, OutputPermissionDeniedError
 */
export const checkOutputPath = (target: OutputTarget, context: OutputContext): CheckedOutput => {
  const given = shownPath(target.given);
  const resolved = resolveOutputPath(target.label, target.given, target.absolute);
  const { real } = resolved;
  const exists = resolved.missing.length === 0;
  const { sources, reads } = protectedSources(context.projectDir, context.reads ?? []);
  const rel = (p: string): string => {
    const r = path.relative(context.projectDir, p);
    return (isInside(p, context.projectDir) ? r : p).split(path.sep).join('/') || '.';
  };

  // What is there decides first: a pipe or a file in the way is named as such, wherever it is.
  checkWhatIsThere(target, given, resolved.existing, exists, rel);
  const source = sources.find((s) => isInside(real, s));
  if (source) throw messages.createError('error.OutputInSource', [target.label, given, rel(source)]);
  const input = reads.find((r) => r.real === real);
  if (input) throw messages.createError('error.OutputIsInput', [target.label, given, rel(input.real), input.what]);

  if (exists && target.kind === 'file') checkExistingFile(target.existing, real, target.label, given);
  if (exists && target.kind === 'folder') {
    const held = [...sources.map((s) => ({ real: s, what: "the project's source" })), ...reads].find((r) =>
      isInside(r.real, real)
    );
    if (target.existing.holds === 'only' && held)
      throw messages.createError('error.OutputHoldsInput', [target.label, given, rel(held.real), held.what]);
    checkExistingFolder(target.existing, real, target.label, given);
  }

  // The folder that receives new entries (or the file itself) must be writable.
  const receiving = exists ? real : resolved.existing;
  try {
    fs.accessSync(receiving, fs.constants.W_OK);
  } catch {
    throw messages.createError('error.OutputPermissionDenied', [target.label, given]);
  }
  return { real, exists };
};

const checkWhatIsThere = (
  target: OutputTarget,
  given: string,
  deepest: string,
  exists: boolean,
  rel: (p: string) => string
): void => {
  const stat = fs.statSync(deepest);
  if (!exists && !stat.isDirectory()) {
    if (stat.isFile()) throw messages.createError('error.OutputPathBlocked', [given, rel(deepest)]);
    throw messages.createError('error.OutputSpecialFile', [target.label, given, kindOf(stat)]);
  }
  if (!exists) return;
  if (target.kind === 'file' && stat.isDirectory())
    throw messages.createError('error.OutputIsFolder', [target.label, given], [given]);
  if (target.kind === 'folder' && stat.isFile()) throw messages.createError('error.OutputPathBlocked', [given, given]);
  if (!stat.isFile() && !stat.isDirectory())
    throw messages.createError('error.OutputSpecialFile', [target.label, given, kindOf(stat)]);
};

const checkExistingFile = (existing: ExistingFile, real: string, label: string, given: string): void => {
  if (existing.replace === 'always') return;
  if (existing.replace === 'with --force') {
    if (!existing.force) throw messages.createError('error.OutputFileExists', [given]);
    return;
  }
  let head = '';
  try {
    head = headOf(real);
  } catch {
    head = '';
  }
  if (!existing.isOwn(head)) throw messages.createError('error.OutputNotOurs', [given, label, existing.what]);
};

const checkExistingFolder = (existing: ExistingFolder, real: string, label: string, given: string): void => {
  if (existing.holds === 'anything') return;
  const entries = fs.readdirSync(real);
  if (existing.holds === 'nothing') {
    if (entries.length) throw messages.createError('error.OutputNotEmpty', [label, given]);
    return;
  }
  const foreign = entries.filter((e) => !existing.names.includes(e)).sort();
  if (foreign.length)
    throw messages.createError('error.OutputFolderNotOurs', [
      label,
      given,
      `${foreign.slice(0, 3).map(shownPath).join(', ')}${foreign.length > 3 ? ` and ${foreign.length - 3} more` : ''}`,
    ]);
};
