import * as fs from 'node:fs';
import * as path from 'node:path';
import * as forge from 'node-forge';

const KEYS = path.join(__dirname, '..', 'fixtures', 'keys');

/** A test-only private key (PKCS#8 PEM) from test/fixtures/keys. */
export const fixtureKeyPem = (name: 'test-only-rsa2048' | 'test-only-rsa1024'): string =>
  fs.readFileSync(path.join(KEYS, `${name}.pem`), 'utf8');

/** Fixed clock for every certificate test. */
export const NOW = new Date('2026-06-01T12:00:00.000Z');
export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A self-signed SHA-256 certificate over a fixture key with chosen validity, so expiry cases need
 * neither a clock nor key generation.
 */
export const fixtureCertificatePem = (options: {
  key?: 'test-only-rsa2048' | 'test-only-rsa1024';
  notBefore?: Date;
  notAfter?: Date;
  commonName?: string;
}): string => {
  const privateKey = forge.pki.privateKeyFromPem(fixtureKeyPem(options.key ?? 'test-only-rsa2048'));
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
  certificate.serialNumber = '01';
  certificate.validity.notBefore = options.notBefore ?? new Date(NOW.getTime() - DAY_MS);
  certificate.validity.notAfter = options.notAfter ?? new Date(NOW.getTime() + 365 * DAY_MS);
  const subject = [{ name: 'commonName', value: options.commonName ?? 'test-only fixture' }];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.sign(privateKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(certificate);
};
