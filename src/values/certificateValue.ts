import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../output/problem';

export type CertificateValueOptions = { projectDir: string; file: string; field: string; now?: Date; warnDays?: number };

const DAY_MS = 86_400_000;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Checks a certificate file named in a values file: a single PEM X.509 certificate, not a private
 * key, currently valid. The key material of a wrongly given key file is never echoed.
 */
export const checkCertificateValue = async (value: string, options: CertificateValueOptions): Promise<Problem[]> => {
  const at = { file: options.file, field: options.field };
  const problem = (message: string, fix: string, severity: Problem['severity'] = 'error'): Problem[] => [{ severity, ...at, message, fix }];
  const absolute = path.resolve(options.projectDir, value);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch {
    return problem(`certificate file "${value}" does not exist`, 'Name the server.crt file the vendor gave you, relative to the project root.');
  }
  if (/-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/.test(text)) {
    return problem(`"${value}" is a private key, not a certificate`, 'Name the certificate (server.crt). Keep the private key out of the project; Salesforce never needs it.');
  }
  const blocks = text.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) return problem(`"${value}" is not a PEM certificate (no BEGIN CERTIFICATE block)`, 'Use the server.crt in PEM form; convert DER with: openssl x509 -inform der -in server.crt -out server.pem');
  if (blocks.length > 1) return problem(`"${value}" holds ${blocks.length} certificates`, 'Keep only the certificate the vendor signs its JWTs with; the External Client App takes one.');
  let certificate: crypto.X509Certificate;
  try {
    certificate = new crypto.X509Certificate(blocks[0] as string);
  } catch {
    return problem(`"${value}" has a BEGIN CERTIFICATE block that does not parse`, 'Download the certificate from the vendor again.');
  }
  const now = options.now ?? new Date();
  const notAfter = new Date(certificate.validTo);
  const notBefore = new Date(certificate.validFrom);
  if (notAfter.getTime() < now.getTime()) return problem(`certificate "${value}" expired on ${notAfter.toISOString().slice(0, 10)}`, 'Get a new certificate from the vendor; JWT logins with an expired certificate fail silently.');
  if (notBefore.getTime() > now.getTime()) return problem(`certificate "${value}" is not valid before ${notBefore.toISOString().slice(0, 10)}`, 'Check the clock of the machine that made it, or wait until then.');
  const daysLeft = Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
  if (daysLeft < (options.warnDays ?? 30)) return problem(`certificate "${value}" expires in ${daysLeft} day(s), on ${notAfter.toISOString().slice(0, 10)}`, 'Ask the vendor for a new certificate and deploy it before then.', 'warning');
  return [];
};
