import type { CertificateProblemOptions } from './certificateProblems';
import { certificateProblems } from './certificateProblems';
import type { CertificateProblem, CertificateReport } from './certificateReport';
import type { InspectFileOptions } from './inspectCertificateFile';
import { inspectCertificateFile } from './inspectCertificateFile';

export type CertificateFileCheck = { report: CertificateReport; problems: CertificateProblem[] };

/**
 * Reads a certificate file (and optionally its private key) and judges it: `cert inspect` and
 * `check` in one call. Unreadable input throws; a readable certificate's faults are `problems`.
 *
 * @throws the errors of `inspectCertificateFile`
 */
export const checkCertificateFile = async (
  path: string,
  options: InspectFileOptions & CertificateProblemOptions = {}
): Promise<CertificateFileCheck> => {
  const report = await inspectCertificateFile(path, options);
  return { report, problems: certificateProblems(report, options) };
};
