import { messages } from './messages';
import { parsePrivateKey } from './parsePrivateKey';
import { readCertificateInput } from './readCertificateInput';

/**
 * A private key file for signing (verify's JWT login), read within the limits and parsed before
 * any org is contacted: an empty file, a certificate or anything else is a named error, never a
 * silently skipped login or OpenSSL's text. Returns the key as PKCS#8 PEM; it is never logged.
 *
 * @throws CertificateNotPrivateKeyError, the errors of readCertificateInput and parsePrivateKey
 */
export const readPrivateKeyPem = (path: string, display = path): string => {
  const bytes = readCertificateInput(path, 'privateKey', display);
  const text = bytes.toString('latin1');
  if (text.trim() === '') throw messages.createError('error.InvalidPrivateKey', [display]);
  if (/-----BEGIN (?:X509 )?CERTIFICATE-----/.test(text) && !text.includes('PRIVATE KEY-----')) {
    throw messages.createError('error.CertificateNotPrivateKey', [display]);
  }
  return parsePrivateKey(bytes, display).export({ type: 'pkcs8', format: 'pem' }).toString();
};
