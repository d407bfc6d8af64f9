import path from 'node:path';
import { SfError } from '@salesforce/core/sfError';
// The files themselves, not the folder's index: the index also holds generation, which loads node-forge.
import { certificateProblems, inspectCertificate, readCertificateInput, singlePemCertificate } from '../certificate';
import { type Problem, problemFromError } from '../problems';

export type CertificateValueOptions = {
  projectDir: string;
  file: string;
  field: string;
  now?: Date;
  warnDays?: number;
};

/** A checked certificate value: `pem` is what may go into metadata, set only when there is no error. */
export type CheckedCertificate = { problems: Problem[]; pem?: string };

/**
 * Checks a certificate file named in a values file: a regular file within the size limit, one PEM
 * X.509 certificate and nothing else (the replacement carries it into XML, so DER, chains, keys and
 * stray text are refused), valid now, RSA ≥ 2048; a warning when it expires within `warnDays`. The
 * file is read once: the PEM returned is re-encoded from those bytes' certificate, so what is staged
 * is what was checked. Key material is never echoed.
 */
export const checkCertificateValue = (value: string, options: CertificateValueOptions): CheckedCertificate => {
  const at = { file: options.file, field: options.field };
  const absolute = path.resolve(options.projectDir, value);
  try {
    const bytes = readCertificateInput(absolute, 'certificate', value);
    const report = inspectCertificate(bytes, { source: value, ...(options.now ? { now: options.now } : {}) });
    // Each finding is named after an error.* or warning.* key of messages/certificate.md: that name is its code.
    const problems: Problem[] = certificateProblems(report, {
      requirePem: true,
      ...(options.now ? { now: options.now } : {}),
      ...(options.warnDays === undefined ? {} : { warnDays: options.warnDays }),
    }).map((p) => problemFromError(new SfError(p.message, p.name, p.actions), at, '', p.severity));
    if (report.format !== 'PEM' || problems.some((p) => p.severity === 'error')) return { problems };
    return { problems, pem: singlePemCertificate(bytes.toString('latin1'), value) };
  } catch (err) {
    const e = SfError.wrap(err instanceof Error ? err : String(err));
    return {
      problems: [
        problemFromError(e, at, 'Name the server.crt file the vendor gave you, relative to the project root.'),
      ],
    };
  }
};
