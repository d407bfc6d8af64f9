import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { GeneratedCertificate } from './generateCertificate';
import { messages } from './messages';

export type WriteCertificateOptions = {
  /** Replace existing files. Default false. */
  force?: boolean;
  /** The project whose force-app/ the key must stay out of. Default: the current directory. */
  projectDir?: string;
};

export type WrittenCertificateFiles = { keyPath: string; certificatePath: string };

export const KEY_FILE_NAME = 'server.key';
export const CERTIFICATE_FILE_NAME = 'server.crt';
const KEY_MODE = 0o600;
const CERTIFICATE_MODE = 0o644;

/**
 * Where `writeCertificateFiles` would write, after every refusal it would make: run it before
 * generating so a bad `--output-dir` fails at once.
 *
 * @throws OutputInsideForceAppError (any path under `<projectDir>/force-app`, symlinks resolved, or
 * in a folder named force-app), CertificateFilesExistError (existing files, without `force`)
 */
export const planCertificateFiles = async (
  outputDir: string,
  options: WriteCertificateOptions = {}
): Promise<WrittenCertificateFiles & { projectDir: string; outputDir: string }> => {
  const projectDir = await realPathOfPossiblyMissing(path.resolve(options.projectDir ?? process.cwd()));
  const target = await realPathOfPossiblyMissing(path.resolve(projectDir, outputDir));
  const forceApp = await realPathOfPossiblyMissing(path.join(projectDir, 'force-app'));
  if (isInside(target, forceApp) || target.split(path.sep).includes('force-app')) {
    throw messages.createError('error.OutputInsideForceApp', [shown(projectDir, target)]);
  }
  const keyPath = path.join(target, KEY_FILE_NAME);
  const certificatePath = path.join(target, CERTIFICATE_FILE_NAME);
  if (!options.force) {
    const existing = (await Promise.all([keyPath, certificatePath].map(existsAs))).filter(isString);
    if (existing.length) {
      throw messages.createError('error.CertificateFilesExist', [
        existing.map((file) => shown(projectDir, file)).join(' and '),
      ]);
    }
  }
  return { projectDir, outputDir: target, keyPath, certificatePath };
};

/**
 * Writes `server.key` (PKCS#8, mode 0600) and `server.crt` into `outputDir`, creating it (0700).
 * Every refusal (see `planCertificateFiles`) happens before anything is written.
 *
 * @throws OutputInsideForceAppError, CertificateFilesExistError, CertificateWriteFailedError
 */
export const writeCertificateFiles = async (
  outputDir: string,
  generated: Pick<GeneratedCertificate, 'certificatePem' | 'privateKeyPem'>,
  options: WriteCertificateOptions = {}
): Promise<WrittenCertificateFiles> => {
  const plan = await planCertificateFiles(outputDir, options);
  const { keyPath, certificatePath } = plan;
  const write = (file: string, content: string, mode: number): Promise<void> =>
    attempt(shown(plan.projectDir, file), () => writeFresh(file, content, mode, options.force === true));
  await attempt(shown(plan.projectDir, plan.outputDir), () =>
    fs.mkdir(plan.outputDir, { recursive: true, mode: 0o700 })
  );
  await write(keyPath, generated.privateKeyPem, KEY_MODE);
  try {
    await write(certificatePath, generated.certificatePem, CERTIFICATE_MODE);
  } catch (err) {
    // A key without its certificate is useless and is one more secret on disk.
    await fs.rm(keyPath, { force: true });
    throw err;
  }
  return { keyPath, certificatePath };
};

/**
 * Creates the file afresh (O_EXCL: never follows a planted symlink, never inherits an old file's
 * mode; `replace` removes an old file first), then chmods because the umask filters the creation mode.
 */
const writeFresh = async (file: string, content: string, mode: number, replace: boolean): Promise<void> => {
  if (replace) await fs.rm(file, { force: true });
  const handle = await fs.open(file, 'wx', mode);
  try {
    await handle.chmod(mode);
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
};

/** Runs a file-system step; its failure names the path and the OS error code (EACCES, ENOTDIR...). */
const attempt = async (shownPath: string, action: () => Promise<unknown>): Promise<void> => {
  try {
    await action();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
    throw messages.createError('error.CertificateWriteFailed', [shownPath, code]);
  }
};

/** The real path of the deepest existing ancestor, with the missing rest appended. */
const realPathOfPossiblyMissing = async (target: string): Promise<string> => {
  try {
    return await fs.realpath(target);
  } catch {
    const parent = path.dirname(target);
    if (parent === target) return target;
    return path.join(await realPathOfPossiblyMissing(parent), path.basename(target));
  }
};

const isInside = (child: string, parent: string): boolean => {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

const existsAs = async (file: string): Promise<string | undefined> =>
  fs.lstat(file).then(
    () => file,
    () => undefined
  );

const isString = (value: string | undefined): value is string => value !== undefined;

/** Paths in messages relative to the project: no machine paths in output or logs. */
const shown = (projectDir: string, file: string): string => path.relative(projectDir, file) || '.';
