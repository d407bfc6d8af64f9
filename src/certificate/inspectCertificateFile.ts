import type { CertificateReport } from './certificateReport';
import { inspectCertificate } from './inspectCertificate';
import { readCertificateInput } from './readCertificateInput';

export type InspectFileOptions = {
  /** Default: the current time. */
  now?: Date;
  /** A private key file to check against the certificate. */
  privateKeyPath?: string | undefined;
};

/**
 * `inspectCertificate` on a file; the report's `source` is `path` as given, so messages name it.
 *
 * @throws the errors of `readCertificateInput` and `inspectCertificate`
 */
export const inspectCertificateFile = (path: string, options: InspectFileOptions = {}): Promise<CertificateReport> =>
  // A promise in its contract (callers await it); a throw becomes a rejection, as from an async function.
  new Promise((resolve) => resolve(inspectNow(path, options)));

const inspectNow = (path: string, options: InspectFileOptions): CertificateReport => {
  const certificate = readCertificateInput(path, 'certificate');
  const privateKeyPath = options.privateKeyPath;
  const privateKey = privateKeyPath === undefined ? undefined : readCertificateInput(privateKeyPath, 'privateKey');
  return inspectCertificate(certificate, {
    source: path,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(privateKey === undefined || privateKeyPath === undefined
      ? {}
      : { privateKey, privateKeySource: privateKeyPath }),
  });
};
