import * as path from 'node:path';
import { SfError } from '@salesforce/core/sfError';
import { formatErrorText } from '../output';
import type { CertificateFileCheck } from './checkCertificateFile';
import type { CertificateProblem, CertificateReport } from './certificateReport';
import type { GeneratedCertificateFiles } from './generateCertificateFiles';
import { messages } from './messages';

const LABEL_WIDTH = 21;

/** A report as aligned `Label  value` lines for a person; the PEM itself is left out. */
export const formatCertificateReport = (report: CertificateReport): string[] => {
  const yesNo = (value: boolean): string => messages.getMessage(value ? 'label.Yes' : 'label.No');
  const rows: Array<[string, string]> = [
    ['label.Source', report.source ?? '-'],
    ['label.Format', report.format],
    ['label.Subject', report.subject],
    ['label.Issuer', report.issuer],
    ['label.SerialNumber', report.serialNumber],
    ['label.NotBefore', report.notBefore],
    ['label.NotAfter', report.notAfter],
    ['label.DaysLeft', String(report.daysLeft)],
    ['label.Key', `${report.keyType} ${report.keyBits} bits`],
    ['label.SignatureAlgorithm', report.signatureAlgorithm],
    ['label.Fingerprint', report.sha256Fingerprint],
    ['label.SelfSigned', yesNo(report.selfSigned)],
  ];
  if (report.keyMatches !== undefined) rows.push(['label.KeyMatches', yesNo(report.keyMatches)]);
  return rows.map(([label, value]) => `${messages.getMessage(label).padEnd(LABEL_WIDTH)}${value}`);
};

/**
 * A problem in the sf CLI's layout. Errors print exactly as a thrown SfError does (`Error (Name):
 * message`, `Try this:`, the actions). Warnings: one line with the actions appended (the CLI adds
 * the `Warning:` prefix).
 */
export const formatCertificateProblem = (problem: CertificateProblem): string => {
  if (problem.severity === 'warning') return [problem.message, ...problem.actions].join(' ');
  return formatErrorText(new SfError(problem.message, problem.name, problem.actions));
};

/** What `cert generate` prints: the files (relative to the working directory), the report, what next. */
export const formatGeneratedCertificate = (files: GeneratedCertificateFiles): string[] => {
  const keyFile = path.relative(process.cwd(), files.keyPath);
  const certificateFile = path.relative(process.cwd(), files.certificatePath);
  return [
    messages.getMessage('info.Generated', [keyFile, certificateFile]),
    '',
    ...formatCertificateReport({ ...files.certificate, source: certificateFile }),
    '',
    messages.getMessage('info.GeneratedNext', [certificateFile, keyFile]),
  ];
};

/** What `cert inspect` prints: the report then each error on stdout; warnings for the CLI's stderr. */
export const formatCertificateCheck = (check: CertificateFileCheck): { human: string[]; warnings: string[] } => ({
  human: [
    ...formatCertificateReport(check.report),
    ...check.problems
      .filter((problem) => problem.severity === 'error')
      .flatMap((problem) => ['', formatCertificateProblem(problem)]),
  ],
  warnings: check.problems.filter((problem) => problem.severity === 'warning').map(formatCertificateProblem),
});
