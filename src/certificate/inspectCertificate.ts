import { X509Certificate } from 'node:crypto';
import { COMMON_SIGNATURE_ALGORITHMS, signatureAlgorithmOid } from './signatureAlgorithmOid';
import type { CertificateReport } from './certificateReport';
import { parseCertificate } from './parseCertificate';
import { parsePrivateKey } from './parsePrivateKey';
import { wholeDays } from './wholeDays';

export type InspectOptions = {
  /** The moment `daysLeft` counts from; tests inject it. Default: the current time. */
  now?: Date;
  /** A private key (PEM or DER) to check against the certificate; sets `keyMatches`. */
  privateKey?: Buffer | string;
  /** Certificate file name for messages and the report. */
  source?: string;
  /** Private key file name for messages and the report. */
  privateKeySource?: string;
};

// Curve sizes for the report; anything else reports 0 bits rather than a guess.
const CURVE_BITS: Record<string, number> = { prime256v1: 256, secp384r1: 384, secp521r1: 521 };

/**
 * Parses one certificate (PEM, or DER) and reports on it. Judging the report (expired, weak, key
 * mismatch) is `certificateProblems`' job, so callers choose their own thresholds.
 *
 * @throws the errors of `parseCertificate` and `parsePrivateKey`; never echoes the input.
 */
export const inspectCertificate = (input: Buffer | string, options: InspectOptions = {}): CertificateReport => {
  const { certificate, format } = parseCertificate(input, options.source);
  const now = options.now ?? new Date();
  const notBefore = new Date(certificate.validFrom);
  const notAfter = new Date(certificate.validTo);
  const details = certificate.publicKey.asymmetricKeyDetails ?? {};
  const report: CertificateReport = {
    ...(options.source === undefined ? {} : { source: options.source }),
    format,
    subject: distinguishedName(certificate.subject),
    issuer: distinguishedName(certificate.issuer),
    serialNumber: certificate.serialNumber.toUpperCase(),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    daysLeft: wholeDays(now, notAfter),
    keyType: (certificate.publicKey.asymmetricKeyType ?? 'unknown').toUpperCase(),
    keyBits: details.modulusLength ?? CURVE_BITS[details.namedCurve ?? ''] ?? 0,
    signatureAlgorithm: signatureAlgorithm(certificate),
    sha256Fingerprint: certificate.fingerprint256,
    selfSigned: isSelfSigned(certificate),
    pem: certificate.toString(),
  };
  if (options.privateKey === undefined) return report;
  const key = parsePrivateKey(options.privateKey, options.privateKeySource);
  return {
    ...report,
    keyMatches: certificate.checkPrivateKey(key),
    ...(options.privateKeySource === undefined ? {} : { privateKeySource: options.privateKeySource }),
  };
};

/** node prints one attribute per line; one line reads better and matches `openssl -nameopt oneline`. */
const distinguishedName = (name: string): string => name.split('\n').filter(Boolean).join(', ');

const isSelfSigned = (certificate: X509Certificate): boolean => {
  try {
    return certificate.checkIssued(certificate) && certificate.verify(certificate.publicKey);
  } catch {
    return false;
  }
};

/**
 * node 20's X509Certificate does not expose the signature algorithm; its OID is read from the DER
 * (signatureAlgorithmOid.ts) and named as forge names it, forge loaded only for an OID outside
 * the common ones.
 */
const signatureAlgorithm = (certificate: X509Certificate): string => {
  try {
    const oid = signatureAlgorithmOid(certificate.raw);
    const common = COMMON_SIGNATURE_ALGORITHMS[oid];
    if (common) return common;
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: node-forge costs start-up time and is needed only for a rare OID
    const forge = require('node-forge') as typeof import('node-forge');
    const name: unknown = forge.pki.oids[oid];
    return typeof name === 'string' ? name : oid;
  } catch {
    return 'unknown';
  }
};
