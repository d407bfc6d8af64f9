import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';

/**
 * A self-signed certificate for 127.0.0.1, for a simulator serving HTTPS (an sfdx auth URL always
 * means https://). `caFile` is the certificate's path, for NODE_EXTRA_CA_CERTS of a spawned CLI: the
 * client trusts this one certificate, and TLS checking stays on.
 */
export const selfSignedTls = (): { key: string; cert: string; caFile: string } => {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  certificate.serialNumber = '01';
  certificate.validity.notBefore = new Date(Date.now() - 60_000);
  certificate.validity.notAfter = new Date(Date.now() + 24 * 3_600_000);
  const subject = [{ name: 'commonName', value: '127.0.0.1' }];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
  ]);
  certificate.sign(forge.pki.privateKeyFromPem(key), forge.md.sha256.create());
  const cert = forge.pki.certificateToPem(certificate);
  const caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'simulator-tls-')), 'ca.pem');
  fs.writeFileSync(caFile, cert);
  return { key, cert, caFile };
};
