import { randomBytes } from 'node:crypto';
import * as forge from 'node-forge';
import type { CertificateReport } from './certificateReport';
import { generateRsaKeyPair } from './generateRsaKeyPair';
import type { GenerateCertificateOptions } from './generateOptions';
import { DEFAULT_CERT_BITS, DEFAULT_CERT_DAYS, validateGenerateOptions } from './generateOptions';
import { inspectCertificate } from './inspectCertificate';
import { DAY_MS } from './wholeDays';

export type GeneratedCertificate = {
  certificatePem: string;
  /** PKCS#8 PEM. Write it with `writeCertificateFiles`; never print or log it. */
  privateKeyPem: string;
  report: CertificateReport;
};

const SERIAL_BYTES = 16;

/**
 * A new RSA key pair (native keygen) and a self-signed SHA-256 X.509 certificate for the JWT bearer
 * flow. Valid from `now` for `days` days (default 365); serial random.
 *
 * @throws InvalidCertificateOptionsError, NativeKeygenUnavailableError
 */
export const generateCertificate = async (options: GenerateCertificateOptions): Promise<GeneratedCertificate> => {
  validateGenerateOptions(options);
  const keys = await generateRsaKeyPair(options.bits ?? DEFAULT_CERT_BITS);
  // X.509 times have whole seconds; dropping milliseconds keeps the report equal to what was asked.
  const now = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);

  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = randomSerial();
  certificate.validity.notBefore = now;
  certificate.validity.notAfter = new Date(now.getTime() + (options.days ?? DEFAULT_CERT_DAYS) * DAY_MS);
  const subject = subjectAttributes(options);
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  // No keyUsage: with it, OpenSSL would also require keyCertSign before calling the certificate
  // self-issued. Salesforce only needs the public key.
  certificate.setExtensions([{ name: 'basicConstraints', cA: false }, { name: 'subjectKeyIdentifier' }]);
  certificate.sign(keys.privateKey, forge.md.sha256.create());

  // forge writes CRLF; the certificate is pasted into XML by a replacement, so keep plain LF.
  const certificatePem = lf(forge.pki.certificateToPem(certificate));
  const privateKeyPem = lf(
    forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keys.privateKey)))
  );
  const report = inspectCertificate(certificatePem, { now, privateKey: privateKeyPem });
  return { certificatePem, privateKeyPem, report };
};

/** Positive, never a leading zero byte (DER integers are minimal), 126 random bits. */
const randomSerial = (): string => {
  const bytes = randomBytes(SERIAL_BYTES);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return bytes.toString('hex');
};

/** openssl's order: C, O, OU, CN. */
const subjectAttributes = (options: GenerateCertificateOptions): forge.pki.CertificateField[] => {
  const fields: Array<[string, string | undefined]> = [
    ['countryName', options.country],
    ['organizationName', options.organization],
    ['organizationalUnitName', options.organizationalUnit],
    ['commonName', options.commonName],
  ];
  return fields.flatMap(([name, value]) => (value === undefined ? [] : [{ name, value }]));
};

const lf = (pem: string): string => pem.replace(/\r\n/g, '\n');
