import { JWT_KEY_TYPE } from './certificateProblems';
import { messages } from './messages';
import { parsePrivateKey } from './parsePrivateKey';
import { readCertificateInput } from './readCertificateInput';

/**
 * A private key file for signing (verify's JWT login), read within the limits and parsed before
 * any org is contacted: an empty file, a certificate or anything else is a named error, never a
 * silently skipped login or OpenSSL's text. Returns the key as PKCS#8 PEM; it is never logged.
 *
 * @throws CertificateNotPrivateKeyError, PrivateKeyNotRsaError, the errors of readCertificateInput and parsePrivateKey
 */
export const readPrivateKeyPem = (path: string, display = path): string => {
  const bytes = readCertificateInput(path, 'privateKey', display);
  const text = bytes.toString('latin1');
  if (text.trim() === '') throw messages.createError('error.InvalidPrivateKey', [display]);
  if (/-----BEGIN (?:X509 )?CERTIFICATE-----/.test(text) && !text.includes('PRIVATE KEY-----')) {
    throw messages.createError('error.CertificateNotPrivateKey', [display]);
  }
  const key = parsePrivateKey(bytes, display);
  // Signing RS256 with an EC key would send an ECDSA signature under an RS256 header (certificateProblems.ts).
  if (key.asymmetricKeyType !== JWT_KEY_TYPE.toLowerCase())
    throw messages.createError('error.PrivateKeyNotRsa', [display, (key.asymmetricKeyType ?? 'unknown').toUpperCase()]);
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
};
