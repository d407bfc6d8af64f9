import * as fs from 'node:fs/promises';
import type { CertificateReport } from './certificateReport';
import { inspectCertificate } from './inspectCertificate';
import { messages } from './messages';

export type InspectFileOptions = {
  /** Default: the current time. */
  now?: Date;
  /** A private key file to check against the certificate. */
  privateKeyPath?: string | undefined;
};

/**
 * `inspectCertificate` on a file; the report's `source` is `path` as given, so messages name it.
 *
 * @throws CertificateFileNotFoundError, PrivateKeyFileNotFoundError, FileUnreadableError, and the
 *   errors of `inspectCertificate`
 */
export const inspectCertificateFile = async (
  path: string,
  options: InspectFileOptions = {}
): Promise<CertificateReport> => {
  const certificate = await readInput(path, 'error.CertificateFileNotFound');
  const privateKeyPath = options.privateKeyPath;
  const privateKey =
    privateKeyPath === undefined ? undefined : await readInput(privateKeyPath, 'error.PrivateKeyFileNotFound');
  return inspectCertificate(certificate, {
    source: path,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(privateKey === undefined || privateKeyPath === undefined
      ? {}
      : { privateKey, privateKeySource: privateKeyPath }),
  });
};

const readInput = async (path: string, notFoundKey: string): Promise<Buffer> => {
  try {
    return await fs.readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw messages.createError(notFoundKey, [path]);
    throw messages.createError('error.FileUnreadable', [path, code ?? 'unknown error']);
  }
};
