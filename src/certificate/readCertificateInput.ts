import { SfError } from '@salesforce/core/sfError';
import { INPUT_LIMITS, readRegularFile } from '../files';
import { messages } from './messages';

/**
 * Reads a certificate or private key file within the stated limits (a regular file, at most
 * INPUT_LIMITS bytes): a missing file gets the certificate area's own error, everything else the
 * files area's (folder, pipe, device, too large, permission denied).
 *
 * @throws CertificateFileNotFoundError or PrivateKeyFileNotFoundError, and the errors of readRegularFile
 */
export const readCertificateInput = (path: string, kind: 'certificate' | 'privateKey', display = path): Buffer => {
  try {
    return readRegularFile(path, {
      display,
      maxBytes: kind === 'certificate' ? INPUT_LIMITS.certificateFileBytes : INPUT_LIMITS.privateKeyFileBytes,
    });
  } catch (err) {
    if (err instanceof SfError && err.name === 'FileNotFoundError') {
      throw messages.createError(
        kind === 'certificate' ? 'error.CertificateFileNotFound' : 'error.PrivateKeyFileNotFound',
        [display]
      );
    }
    throw err;
  }
};
