import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import * as forge from 'node-forge';
import { generateCertificate } from '../../src/certificate';
import { NOW, DAY_MS } from './fixtureCertificate';

describe('generateCertificate', () => {
  it('makes a self-signed 2048-bit SHA-256 certificate that node:crypto verifies, valid 365 days from now', async () => {
    const generated = await generateCertificate({ commonName: 'ISPM Integration', organization: 'Acme', now: NOW });
    const certificate = new X509Certificate(generated.certificatePem);

    expect(certificate.subject).toBe('O=Acme\nCN=ISPM Integration');
    expect(certificate.issuer).toBe(certificate.subject);
    expect(new Date(certificate.validFrom)).toEqual(NOW);
    expect(new Date(certificate.validTo)).toEqual(new Date(NOW.getTime() + 365 * DAY_MS));
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(forge.pki.certificateFromPem(generated.certificatePem).siginfo.algorithmOid).toBe(
      forge.pki.oids['sha256WithRSAEncryption']
    );
    expect(certificate.checkPrivateKey(createPrivateKey(generated.privateKeyPem))).toBe(true);
  });

  it('writes the key as PKCS#8 PEM with LF line ends', async () => {
    const { privateKeyPem, certificatePem } = await generateCertificate({ commonName: 'x', now: NOW });
    expect(privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(`${privateKeyPem}${certificatePem}`).not.toContain('\r');
  });

  it('reports on what it made, without the key', async () => {
    const { report } = await generateCertificate({ commonName: 'Reco', country: 'US', days: 90, now: NOW });
    expect(report).toMatchObject({
      format: 'PEM',
      subject: 'C=US, CN=Reco',
      notBefore: NOW.toISOString(),
      daysLeft: 90,
      keyType: 'RSA',
      keyBits: 2048,
      signatureAlgorithm: 'sha256WithRSAEncryption',
      selfSigned: true,
      keyMatches: true,
    });
    expect(report.sha256Fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(JSON.stringify(report)).not.toContain('PRIVATE KEY');
  });

  it('draws a random positive serial each time', async () => {
    const [a, b] = await Promise.all([
      generateCertificate({ commonName: 'a' }),
      generateCertificate({ commonName: 'a' }),
    ]);
    expect(a.report.serialNumber).not.toBe(b.report.serialNumber);
    expect(a.report.serialNumber).toMatch(/^[4-7][0-9A-F]{31}$/);
  });

  it('makes 4096-bit keys on request', async () => {
    const { privateKeyPem } = await generateCertificate({ commonName: 'big', bits: 4096 });
    expect(createPublicKey(privateKeyPem).asymmetricKeyDetails?.modulusLength).toBe(4096);
  });

  it('lists every invalid option in one error before making a key', async () => {
    await expect(
      generateCertificate({ commonName: ' ', country: 'usa', bits: 1024 as 2048, days: 0 })
    ).rejects.toMatchObject({
      name: 'InvalidCertificateOptionsError',
      message:
        'Cannot generate a certificate: ' +
        'the common name (--common-name) must be 1 to 64 characters without control characters; ' +
        'the country (--country) must be two letters, e.g. US; ' +
        'the key size (--bits) must be 2048, 3072 or 4096; ' +
        'the validity (--days) must be a whole number of days from 1 to 3650.',
    });
  });

  it('refuses the pure-JavaScript key generation path instead of taking it silently', async () => {
    const options = (forge as unknown as { options: { usePureJavaScript: boolean } }).options;
    options.usePureJavaScript = true;
    try {
      await expect(generateCertificate({ commonName: 'slow' })).rejects.toMatchObject({
        name: 'NativeKeygenUnavailableError',
        message: expect.stringContaining('(forge.options.usePureJavaScript is true)'),
      });
    } finally {
      options.usePureJavaScript = false;
    }
  });
});
