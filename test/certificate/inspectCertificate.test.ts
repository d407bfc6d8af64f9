import { createPrivateKey } from 'node:crypto';
import { X509Certificate } from 'node:crypto';
import { certificateProblems, inspectCertificate } from '../../src/certificate';
import type { CertificateProblem } from '../../src/certificate';
import { DAY_MS, NOW, fixtureCertificatePem, fixtureKeyPem } from './fixtureCertificate';

const KEY_PEM = fixtureKeyPem('test-only-rsa2048');
const PKCS1_PEM = createPrivateKey(KEY_PEM).export({ type: 'pkcs1', format: 'pem' }).toString();
const CERT_PEM = fixtureCertificatePem({});
const source = 'server.crt';

const problemsOf = (pem: string, options: { privateKey?: string; warnDays?: number } = {}): CertificateProblem[] =>
  certificateProblems(inspectCertificate(pem, { source, now: NOW, ...options }), { now: NOW, ...options });

describe('inspectCertificate: reading', () => {
  it('reports subject, issuer, serial, validity, key, fingerprint and self-signed', () => {
    const report = inspectCertificate(CERT_PEM, { source, now: NOW });
    expect(report).toEqual({
      source,
      format: 'PEM',
      subject: 'CN=test-only fixture',
      issuer: 'CN=test-only fixture',
      serialNumber: '01',
      notBefore: new Date(NOW.getTime() - DAY_MS).toISOString(),
      notAfter: new Date(NOW.getTime() + 365 * DAY_MS).toISOString(),
      daysLeft: 365,
      keyType: 'RSA',
      keyBits: 2048,
      signatureAlgorithm: 'sha256WithRSAEncryption',
      sha256Fingerprint: new X509Certificate(CERT_PEM).fingerprint256,
      selfSigned: true,
      pem: new X509Certificate(CERT_PEM).toString(),
    });
    expect(problemsOf(CERT_PEM)).toEqual([]);
  });

  it('checks a matching private key, PKCS#8 or PKCS#1', () => {
    expect(inspectCertificate(CERT_PEM, { privateKey: KEY_PEM }).keyMatches).toBe(true);
    expect(inspectCertificate(CERT_PEM, { privateKey: PKCS1_PEM }).keyMatches).toBe(true);
  });

  it('accepts DER, says so, and warns that the External Client App needs PEM (an error with requirePem)', () => {
    const der = new X509Certificate(CERT_PEM).raw;
    const report = inspectCertificate(der, { source: 'server.der', now: NOW });
    expect(report.format).toBe('DER');
    expect(report.pem).toBe(new X509Certificate(CERT_PEM).toString());
    expect(certificateProblems(report, { now: NOW })).toEqual([
      {
        severity: 'warning',
        name: 'DerCertificateWarning',
        message: 'server.der is DER (binary). It was read, but the External Client App needs PEM text.',
        actions: ['Convert it: openssl x509 -inform der -in <file> -out server.crt'],
      },
    ]);
    expect(certificateProblems(report, { now: NOW, requirePem: true })).toMatchObject([
      {
        severity: 'error',
        name: 'DerCertificateError',
        message:
          'server.der is DER (binary); the certificate replacement needs PEM text, or binary bytes land in the External Client App.',
      },
    ]);
  });
});

describe('inspectCertificate: input that is not one certificate', () => {
  const expectError = (input: Buffer | string, name: string, message: string): void => {
    let thrown: unknown;
    try {
      inspectCertificate(input, { source });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toMatchObject({ name, message });
    expect((thrown as { actions?: string[] }).actions?.length).toBeGreaterThan(0);
  };

  it.each([
    ['PKCS#8', KEY_PEM],
    ['PKCS#1', PKCS1_PEM],
    ['DER PKCS#8', createPrivateKey(KEY_PEM).export({ type: 'pkcs8', format: 'der' })],
    ['certificate followed by its key', `${CERT_PEM}${KEY_PEM}`],
  ])('refuses a private key (%s) without echoing it', (_label, input) => {
    expectError(
      input,
      'PrivateKeyNotCertificateError',
      'server.crt holds a private key, not a certificate. The key was not printed.'
    );
    try {
      inspectCertificate(input, { source });
    } catch (err) {
      expect(JSON.stringify(err)).not.toMatch(/PRIVATE KEY|MII/);
    }
  });

  it('refuses a chain of two certificates', () => {
    expectError(
      `${CERT_PEM}${fixtureCertificatePem({ commonName: 'issuer' })}`,
      'CertificateChainError',
      'server.crt holds 2 certificates; expected exactly one, the certificate the External Client App trusts.'
    );
  });

  it.each([
    ['garbage text', 'hello, I am not a certificate'],
    ['garbage bytes', Buffer.from([0x30, 0x03, 0x02, 0x01, 0x05])],
    ['a broken PEM header', '-----BEGIN CERTIFICATE-----\nMIIB'],
  ])('refuses %s', (_label, input) => {
    expectError(
      input,
      'NotACertificateError',
      'server.crt is not a certificate: it has no "-----BEGIN CERTIFICATE-----" block and is not a DER certificate.'
    );
  });

  it('names a PEM block of another kind', () => {
    const publicKey = createPrivateKey(KEY_PEM)
      .export({ type: 'pkcs1', format: 'pem' })
      .toString()
      .replace(/RSA PRIVATE/g, 'PUBLIC');
    expectError(publicKey, 'UnexpectedPemBlockError', 'server.crt holds a "PUBLIC KEY" PEM block, not a certificate.');
  });

  it('refuses a CERTIFICATE block that does not parse', () => {
    expectError(
      '-----BEGIN CERTIFICATE-----\nTUlJQg==\n-----END CERTIFICATE-----\n',
      'CertificateUnparseableError',
      expect.stringMatching(
        /^server\.crt has a "-----BEGIN CERTIFICATE-----" block that is not a valid X\.509 certificate \(.+\)\.$/
      ) as unknown as string
    );
  });

  it.each([
    ['empty', ''],
    ['blank', ' \n\n'],
  ])('refuses an %s input', (_label, input) => {
    expectError(
      input,
      'EmptyCertificateError',
      'server.crt is empty: expected a PEM certificate starting with "-----BEGIN CERTIFICATE-----".'
    );
  });

  it('refuses a private key that is not a key, naming it and not the content', () => {
    expect(() => inspectCertificate(CERT_PEM, { privateKey: CERT_PEM, privateKeySource: 'server.key' })).toThrow(
      expect.objectContaining({
        name: 'InvalidPrivateKeyError',
        message:
          'server.key is not a readable private key: expected PEM "-----BEGIN PRIVATE KEY-----" or "-----BEGIN RSA PRIVATE KEY-----".',
      })
    );
  });

  it('refuses an encrypted private key', () => {
    const encrypted = createPrivateKey(KEY_PEM)
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'test-only' })
      .toString();
    expect(() => inspectCertificate(CERT_PEM, { privateKey: encrypted, privateKeySource: 'server.key' })).toThrow(
      expect.objectContaining({
        name: 'EncryptedPrivateKeyError',
        message:
          'server.key is encrypted; vendor-access cannot compare it with the certificate without its passphrase.',
      })
    );
  });
});

describe('certificateProblems', () => {
  it('fails an expired certificate', () => {
    const pem = fixtureCertificatePem({
      notBefore: new Date('2025-01-01T00:00:00Z'),
      notAfter: new Date('2026-05-21T00:00:00Z'),
    });
    expect(problemsOf(pem)).toEqual([
      {
        severity: 'error',
        name: 'CertificateExpiredError',
        message:
          'server.crt expired on 2026-05-21 00:00 UTC (11 days ago). Salesforce does not warn: JWT bearer logins that rely on it fail.',
        actions: [
          'Generate a new key pair ("vendor-access cert generate --common-name <name>"), name the new server.crt as serverCertificate in the values file, and deploy.',
          "For a vendor-issued certificate, download a new server.crt from the vendor's console.",
        ],
      },
    ]);
    expect(inspectCertificate(pem, { now: NOW }).daysLeft).toBe(-12);
  });

  it('fails a certificate that is not valid yet', () => {
    const pem = fixtureCertificatePem({ notBefore: new Date('2026-06-04T12:00:00Z') });
    expect(problemsOf(pem)).toMatchObject([
      {
        severity: 'error',
        name: 'CertificateNotYetValidError',
        message:
          'server.crt is not valid until 2026-06-04 12:00 UTC (in 3 days); logins that rely on it fail until then.',
      },
    ]);
  });

  it('fails an RSA key under 2048 bits', () => {
    const pem = fixtureCertificatePem({ key: 'test-only-rsa1024' });
    expect(inspectCertificate(pem).keyBits).toBe(1024);
    expect(problemsOf(pem)).toMatchObject([
      {
        severity: 'error',
        name: 'WeakRsaKeyError',
        message: 'server.crt has a 1024-bit RSA key; at least 2048 bits are required.',
      },
    ]);
  });

  it('fails a private key that does not belong to the certificate', () => {
    const report = inspectCertificate(CERT_PEM, {
      source,
      privateKey: fixtureKeyPem('test-only-rsa1024'),
      privateKeySource: 'other.key',
    });
    expect(report.keyMatches).toBe(false);
    expect(certificateProblems(report, { now: NOW })).toMatchObject([
      {
        severity: 'error',
        name: 'KeyMismatchError',
        message:
          'The private key other.key does not belong to the certificate server.crt: JWTs signed with it are rejected.',
      },
    ]);
  });

  it('warns under 30 days left, and from a configurable threshold', () => {
    const pem = fixtureCertificatePem({ notAfter: new Date(NOW.getTime() + 29.5 * DAY_MS) });
    const warning = {
      severity: 'warning',
      name: 'CertificateExpiresSoonWarning',
      message:
        'server.crt expires on 2026-07-01 00:00 UTC: 29 days left (warning from 30 days). Salesforce does not warn before app certificates expire.',
    };
    expect(problemsOf(pem)).toMatchObject([warning]);
    expect(problemsOf(fixtureCertificatePem({ notAfter: new Date(NOW.getTime() + 31 * DAY_MS) }))).toEqual([]);
    expect(
      problemsOf(fixtureCertificatePem({ notAfter: new Date(NOW.getTime() + 31 * DAY_MS) }), { warnDays: 60 })
    ).toMatchObject([{ name: 'CertificateExpiresSoonWarning' }]);
  });

  it('recounts days from its own clock, so a stored report ages', () => {
    const report = inspectCertificate(CERT_PEM, { source, now: NOW });
    const later = new Date(NOW.getTime() + 400 * DAY_MS);
    expect(certificateProblems(report, { now: later })).toMatchObject([{ name: 'CertificateExpiredError' }]);
  });
});
