import type { CertificateProblem, CertificateReport } from './certificateReport';
import { DEFAULT_CERT_WARN_DAYS } from './certificateReport';
import { messages } from './messages';
import { DEFAULT_SOURCE } from './parseCertificate';
import { DEFAULT_KEY_SOURCE } from './parsePrivateKey';
import { DAY_MS, wholeDays } from './wholeDays';

export type CertificateProblemOptions = {
  /** Default: the current time. */
  now?: Date;
  /** Warn when fewer days than this are left. Default `DEFAULT_CERT_WARN_DAYS` (30). */
  warnDays?: number;
  /**
   * The certificate feeds the External Client App's file replacement, so DER is an error rather
   * than a warning (binary bytes would land in the XML). `check` sets this; `cert inspect` does not.
   */
  requirePem?: boolean;
};

const MIN_RSA_BITS = 2048;

/**
 * Salesforce's JWT bearer flow takes RS256 assertions only: the Help page "OAuth 2.0 JWT Bearer Flow for
 * Server-to-Server Integration" (sf.remoteaccess_oauth_jwt_flow.htm) has the header {"alg":"RS256"} and
 * says to sign "using SHA256 with RSA"; no other algorithm is listed. So the app's certificate must hold
 * a plain RSA key: an EC, Ed25519 or RSA-PSS key cannot make an RS256 signature.
 */
export const JWT_KEY_TYPE = 'RSA';

/**
 * Judges a report: expired, not yet valid, RSA under 2048 bits, private key mismatch (errors),
 * expiring within `warnDays`, DER (warnings). Returns every finding at once, errors first; never throws.
 */
export const certificateProblems = (
  report: CertificateReport,
  options: CertificateProblemOptions = {}
): CertificateProblem[] => {
  const now = options.now ?? new Date();
  const warnDays = options.warnDays ?? DEFAULT_CERT_WARN_DAYS;
  const source = report.source ?? DEFAULT_SOURCE;
  const notBefore = new Date(report.notBefore);
  const notAfter = new Date(report.notAfter);
  // Days are recomputed from `now`: a stored report (the deploy record) ages.
  const daysLeft = wholeDays(now, notAfter);
  const problems: CertificateProblem[] = [];

  if (notAfter.getTime() <= now.getTime()) {
    const daysAgo = wholeDays(notAfter, now);
    problems.push(error('CertificateExpired', [source, day(notAfter), daysAgo]));
  } else if (notBefore.getTime() > now.getTime()) {
    const daysUntil = Math.ceil((notBefore.getTime() - now.getTime()) / DAY_MS);
    problems.push(error('CertificateNotYetValid', [source, day(notBefore), daysUntil]));
  }
  if (report.keyType !== JWT_KEY_TYPE) problems.push(error('NotRsaKey', [source, report.keyType]));
  else if (report.keyBits < MIN_RSA_BITS) {
    problems.push(error('WeakRsaKey', [source, report.keyBits]));
  }
  if (report.keyMatches === false) {
    problems.push(error('KeyMismatch', [report.privateKeySource ?? DEFAULT_KEY_SOURCE, source]));
  }
  if (report.format === 'DER' && options.requirePem) problems.push(error('DerCertificate', [source]));
  if (notAfter.getTime() > now.getTime() && daysLeft < warnDays) {
    problems.push(warning('CertificateExpiresSoon', [source, day(notAfter), daysLeft, warnDays]));
  }
  if (report.format === 'DER' && !options.requirePem) problems.push(warning('DerCertificate', [source]));
  return problems;
};

type Token = string | number;

/** A finding named after its messages/certificate.md key: `CertificateExpiredError`, `DerCertificateWarning`. */
const finding = (
  severity: CertificateProblem['severity'],
  named: { name: string; message: string; actions?: string[] | undefined }
): CertificateProblem => ({ severity, name: named.name, message: named.message, actions: named.actions ?? [] });

const error = (key: string, tokens: Token[]): CertificateProblem =>
  finding('error', messages.createError(`error.${key}`, tokens));

const warning = (key: string, tokens: Token[]): CertificateProblem =>
  finding('warning', messages.createWarning(`warning.${key}`, tokens));

/** `2026-11-22 22:40 UTC`: unambiguous across time zones, short enough for one line. */
const day = (date: Date): string => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
