import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { checkOutputPath, makeFolder } from '../files';
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
 * generating so a bad `--output-dir` fails at once. The folder and both files are held to the one
 * output rule (checkOutputPath): never in the project's source (symlinks resolved), never a special
 * file or file system, a link to nothing refused by name, an existing file replaced only with --force.
 *
 * @throws the errors of checkOutputPath (OutputInSourceError, OutputFileExistsError, ...)
 */
export const planCertificateFiles = (
  outputDir: string,
  options: WriteCertificateOptions = {}
): Promise<WrittenCertificateFiles & { projectDir: string; outputDir: string }> =>
  // A promise, so a refusal reaches callers as a rejection like every other step of cert generate.
  new Promise((resolve) => resolve(planSync(outputDir, options)));

const planSync = (
  outputDir: string,
  options: WriteCertificateOptions
): WrittenCertificateFiles & { projectDir: string; outputDir: string } => {
  const projectDir = fs.realpathSync(path.resolve(options.projectDir ?? process.cwd()));
  const context = { projectDir };
  const folder = checkOutputPath(
    {
      label: 'the key pair',
      given: outputDir,
      absolute: path.resolve(projectDir, outputDir),
      kind: 'folder',
      existing: { holds: 'anything' },
    },
    context
  ).real;
  const keyPath = path.join(folder, KEY_FILE_NAME);
  const certificatePath = path.join(folder, CERTIFICATE_FILE_NAME);
  for (const [file, name] of [
    [keyPath, KEY_FILE_NAME],
    [certificatePath, CERTIFICATE_FILE_NAME],
  ] as const)
    checkOutputPath(
      {
        label: 'the key pair',
        given: path.join(outputDir, name),
        absolute: file,
        kind: 'file',
        existing: { replace: 'with --force', force: options.force === true },
      },
      context
    );
  return { projectDir, outputDir: folder, keyPath, certificatePath };
};

/**
 * Writes `server.key` (PKCS#8, mode 0600) and `server.crt` into `outputDir`, creating it (0700).
 * Every refusal (see `planCertificateFiles`) happens before anything is written.
 *
 * @throws the errors of planCertificateFiles, CertificateWriteFailedError
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
  makeFolder(plan.outputDir, 'the key pair', outputDir, 0o700);
  await write(keyPath, generated.privateKeyPem, KEY_MODE);
  try {
    await write(certificatePath, generated.certificatePem, CERTIFICATE_MODE);
  } catch (err) {
    // A key without its certificate is useless and is one more secret on disk.
    await fsp.rm(keyPath, { force: true });
    throw err;
  }
  return { keyPath, certificatePath };
};

/**
 * Creates the file afresh (O_EXCL: never follows a planted symlink, never inherits an old file's
 * mode; `replace` removes an old file first), then chmods because the umask filters the creation mode.
 */
const writeFresh = async (file: string, content: string, mode: number, replace: boolean): Promise<void> => {
  if (replace) await fsp.rm(file, { force: true });
  const handle = await fsp.open(file, 'wx', mode);
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

/** Paths in messages relative to the project: no machine paths in output or logs. */
const shown = (projectDir: string, file: string): string => path.relative(projectDir, file) || '.';
