/**
 * Certificates for the JWT bearer flow: generate a key pair and self-signed certificate, inspect a
 * certificate, judge it. `cert generate`/`cert inspect`, `check`, the deploy record and `verify`
 * all call these. Nothing here prints; errors are SfErrors from messages/certificate.md.
 */
export type { CertificateProblem, CertificateReport } from './certificateReport';
export { DEFAULT_CERT_WARN_DAYS } from './certificateReport';
export type { CertificateProblemOptions } from './certificateProblems';
export { certificateProblems } from './certificateProblems';
export type { CertificateKeyBits, GenerateCertificateOptions } from './generateOptions';
export { DEFAULT_CERT_BITS, DEFAULT_CERT_DAYS } from './generateOptions';
export type { GeneratedCertificate } from './generateCertificate';
export { generateCertificate } from './generateCertificate';
export type { InspectOptions } from './inspectCertificate';
export { inspectCertificate } from './inspectCertificate';
export type { InspectFileOptions } from './inspectCertificateFile';
export { inspectCertificateFile } from './inspectCertificateFile';
export type { WriteCertificateOptions, WrittenCertificateFiles } from './writeCertificateFiles';
export {
  CERTIFICATE_FILE_NAME,
  KEY_FILE_NAME,
  planCertificateFiles,
  writeCertificateFiles,
} from './writeCertificateFiles';
export type { GeneratedCertificateFiles } from './generateCertificateFiles';
export { generateCertificateFiles } from './generateCertificateFiles';
export type { CertificateFileCheck } from './checkCertificateFile';
export { checkCertificateFile } from './checkCertificateFile';
export {
  formatCertificateCheck,
  formatCertificateProblem,
  formatCertificateReport,
  formatGeneratedCertificate,
} from './formatCertificateReport';
export { messages } from './messages';
export { readCertificateInput } from './readCertificateInput';
export { readPrivateKeyPem } from './readPrivateKeyPem';
export { singlePemCertificate } from './singlePemCertificate';
