import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { main } from '../../src/cli';
import { recordingIo } from '../../src/output/io';
import { DAY_MS, fixtureCertificatePem, fixtureKeyPem } from './fixtureCertificate';

// The CLI reads the real clock, so these fixtures are dated from it; whole-day margins keep
// "days left" stable however long the run takes.
const now = new Date();
const KEY_PEM = fixtureKeyPem('test-only-rsa2048');
const day = (date: Date): string => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

describe('vendor-access cert', () => {
  let dir: string;
  const file = (name: string, content: string | Buffer): string => {
    fs.writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  };
  const run = async (
    ...argv: string[]
  ): Promise<{ exitCode: number; stdout: string; stderr: string; text: string }> => {
    const io = recordingIo();
    const exitCode = await main(['cert', ...argv], io);
    return { exitCode, stdout: io.out.join('\n'), stderr: io.err.join('\n'), text: io.text() };
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-cert-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('generate', () => {
    it('writes a 0600 key and a certificate node:crypto verifies, and never prints the key', async () => {
      const outputDir = path.join(dir, 'certs');
      const result = await run('generate', '--common-name', 'ISPM Integration', '--output-dir', outputDir);
      expect(result.exitCode).toBe(0);
      const keyPem = fs.readFileSync(path.join(outputDir, 'server.key'), 'utf8');
      expect(fs.statSync(path.join(outputDir, 'server.key')).mode & 0o777).toBe(0o600);
      const certificate = new X509Certificate(fs.readFileSync(path.join(outputDir, 'server.crt')));
      expect(certificate.subject).toBe('CN=ISPM Integration');
      expect(certificate.verify(certificate.publicKey)).toBe(true);
      expect(certificate.checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
      expect(result.stdout).toContain('Private key matches  yes');
      expect(result.text).not.toContain('PRIVATE KEY');
      expect(result.text).not.toContain(keyPem.split('\n')[1]);
    });

    it('--json reports files and certificate, with no key material', async () => {
      const outputDir = path.join(dir, 'certs');
      const result = await run(
        'generate',
        '--common-name',
        'Reco',
        '--days',
        '90',
        '--bits',
        '4096',
        '--output-dir',
        outputDir,
        '--json'
      );
      expect(result.exitCode).toBe(0);
      const envelope = JSON.parse(result.stdout) as { status: number; result: Record<string, unknown> };
      expect(envelope.status).toBe(0);
      expect(envelope.result).toMatchObject({
        keyPath: fs.realpathSync(path.join(outputDir, 'server.key')),
        certificatePath: fs.realpathSync(path.join(outputDir, 'server.crt')),
        certificate: { subject: 'CN=Reco', daysLeft: 90, keyBits: 4096, keyMatches: true },
      });
      expect(result.stdout).not.toContain('PRIVATE KEY');
    });

    it('refuses force-app/ before making a key', async () => {
      const result = await run('generate', '--common-name', 'x', '--output-dir', 'force-app/ispm/certs');
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(
        "Error (OutputInSourceError): Refusing to write the key pair to force-app/ispm/certs: it is inside force-app, part of the project's source"
      );
      expect(fs.existsSync('force-app/ispm/certs')).toBe(false);
    });

    it("refuses --output-dir '' (an unset variable) instead of writing the key where the command runs", async () => {
      const cwd = process.cwd();
      process.chdir(dir);
      try {
        const result = await run('generate', '--common-name', 'x', '--output-dir', '');
        expect(result.exitCode).toBe(1);
        expect(result.stderr).toContain('Error (EmptyPathFlagError): --output-dir is empty.');
        expect(fs.readdirSync(dir)).toEqual([]);
      } finally {
        process.chdir(cwd);
      }
    });

    it('refuses to overwrite without --force, and replaces with it', async () => {
      const outputDir = path.join(dir, 'certs');
      expect((await run('generate', '--common-name', 'a', '--output-dir', outputDir)).exitCode).toBe(0);
      const first = fs.readFileSync(path.join(outputDir, 'server.crt'), 'utf8');
      const refused = await run('generate', '--common-name', 'b', '--output-dir', outputDir);
      expect(refused.exitCode).toBe(1);
      expect(refused.stderr).toMatch(
        /^Error \(OutputFileExistsError\): Refusing to overwrite .*server\.key without --force\./
      );
      expect(fs.readFileSync(path.join(outputDir, 'server.crt'), 'utf8')).toBe(first);
      expect((await run('generate', '--common-name', 'b', '--output-dir', outputDir, '--force')).exitCode).toBe(0);
      expect(fs.readFileSync(path.join(outputDir, 'server.crt'), 'utf8')).not.toBe(first);
    });

    it('lists invalid options and rejects unsupported key sizes', async () => {
      const invalid = await run(
        'generate',
        '--common-name',
        'x',
        '--days',
        '0',
        '--country',
        'usa',
        '--output-dir',
        dir
      );
      expect(invalid.exitCode).toBe(1);
      expect(invalid.stderr).toContain(
        'Error (InvalidCertificateOptionsError): Cannot generate a certificate: the country (--country) must be two letters, e.g. US; the validity (--days) must be a whole number of days from 1 to 3650.'
      );
      const bits = await run('generate', '--common-name', 'x', '--bits', '1024', '--output-dir', dir);
      expect(bits.exitCode).toBe(1);
      expect(bits.stderr).toContain('Error (UsageError): Invalid values:');
      expect(fs.readdirSync(dir)).toEqual([]);
    });
  });

  describe('inspect', () => {
    const valid = (): string =>
      file(
        'server.crt',
        fixtureCertificatePem({
          notBefore: new Date(now.getTime() - DAY_MS),
          notAfter: new Date(now.getTime() + 365.5 * DAY_MS),
        })
      );

    it('prints the report and exits 0 for a good certificate with its key', async () => {
      const result = await run('inspect', valid(), '--private-key', file('server-key.pem', KEY_PEM));
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain('Subject              CN=test-only fixture');
      expect(result.stdout).toContain('Days left            365');
      expect(result.stdout).toContain('Key                  RSA 2048 bits');
      expect(result.stdout).toContain('Self-signed          yes');
      expect(result.stdout).toContain('Private key matches  yes');
      expect(result.stderr).toBe('');
    });

    it.each([
      ['PKCS#8', KEY_PEM],
      ['PKCS#1', createPrivateKey(KEY_PEM).export({ type: 'pkcs1', format: 'pem' }).toString()],
    ])('refuses a %s private key given as the certificate, without printing it', async (_label, pem) => {
      const result = await run('inspect', file('server.key.txt', pem));
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(
        `Error (PrivateKeyNotCertificateError): ${path.join(
          dir,
          'server.key.txt'
        )} holds a private key, not a certificate. The key was not printed.`
      );
      expect(result.text).not.toContain(pem.split('\n')[1]);
    });

    it('accepts DER with a warning that the External Client App needs PEM', async () => {
      const der = file('server.der', new X509Certificate(fs.readFileSync(valid())).raw);
      const result = await run('inspect', der);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain('Format               DER');
      expect(result.stderr).toBe(
        `Warning: ${der} is DER (binary). It was read, but the External Client App needs PEM text. Convert it: openssl x509 -inform der -in <file> -out server.crt`
      );
    });

    it.each<[string, () => string, string]>([
      [
        'a chain of two',
        (): string =>
          file('chain.crt', `${fixtureCertificatePem({})}${fixtureCertificatePem({ commonName: 'issuer' })}`),
        'Error (CertificateChainError): %s holds 2 certificates; expected exactly one, the certificate the External Client App trusts.',
      ],
      [
        'garbage',
        (): string => file('garbage.crt', 'not a certificate at all'),
        'Error (NotACertificateError): %s is not a certificate: it has no "-----BEGIN CERTIFICATE-----" block and is not a DER certificate.',
      ],
      [
        'an empty file',
        (): string => file('empty.crt', ''),
        'Error (EmptyCertificateError): %s is empty: expected a PEM certificate starting with "-----BEGIN CERTIFICATE-----".',
      ],
      [
        'a missing file',
        (): string => path.join(dir, 'missing.crt'),
        'Error (CertificateFileNotFoundError): The certificate file %s does not exist.',
      ],
      ['a folder', (): string => dir, 'Error (NotARegularFileError): %s is a folder, not a file.'],
      [
        'a device (/dev/zero), before reading a byte',
        (): string => '/dev/zero',
        'Error (NotARegularFileError): %s is a character device, not a file.',
      ],
      [
        'a named pipe with no writer, without waiting for one',
        (): string => {
          const fifo = path.join(dir, 'cert.fifo');
          execFileSync('mkfifo', [fifo]);
          return fifo;
        },
        'Error (NotARegularFileError): %s is a named pipe (FIFO), not a file.',
      ],
      ['an empty path (an unset shell variable)', (): string => '', 'Error (EmptyPathFlagError): <file> is empty.'],
      [
        'a file over the 64 KiB limit',
        (): string => file('huge.crt', 'x'.repeat(70_000)),
        'Error (FileTooLargeError): %s is 70000 bytes; at most 65536 are read here.',
      ],
    ])('refuses %s', async (_label, makeFile, expected) => {
      const certificateFile = makeFile();
      const result = await run('inspect', certificateFile);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(expected.replace('%s', certificateFile));
      expect(result.stderr).toContain('Try this:');
    });

    it('names a missing private key file', async () => {
      const result = await run('inspect', valid(), '--private-key', path.join(dir, 'server.key'));
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(
        `Error (PrivateKeyFileNotFoundError): The private key file ${path.join(dir, 'server.key')} does not exist.`
      );
    });

    it('fails an expired certificate, still showing the report', async () => {
      const notAfter = new Date(now.getTime() - 10.5 * DAY_MS);
      const expired = file(
        'expired.crt',
        fixtureCertificatePem({ notBefore: new Date(now.getTime() - 400 * DAY_MS), notAfter })
      );
      const result = await run('inspect', expired);
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toContain('Days left            -11');
      expect(result.stdout).toContain(
        `Error (CertificateExpiredError): ${expired} expired on ${day(
          notAfter
        )} (10 days ago). Salesforce does not warn: JWT bearer logins that rely on it fail.`
      );
    });

    it('fails a certificate that is not valid yet', async () => {
      const notBefore = new Date(now.getTime() + 2.5 * DAY_MS);
      const future = file(
        'future.crt',
        fixtureCertificatePem({ notBefore, notAfter: new Date(now.getTime() + 100 * DAY_MS) })
      );
      const result = await run('inspect', future);
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toContain(
        `Error (CertificateNotYetValidError): ${future} is not valid until ${day(
          notBefore
        )} (in 3 days); logins that rely on it fail until then.`
      );
    });

    it('fails an RSA 1024 certificate', async () => {
      const weak = file(
        'weak.crt',
        fixtureCertificatePem({ key: 'test-only-rsa1024', notAfter: new Date(now.getTime() + 100 * DAY_MS) })
      );
      const result = await run('inspect', weak);
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toContain(
        `Error (WeakRsaKeyError): ${weak} has a 1024-bit RSA key; at least 2048 bits are required.`
      );
    });

    it('fails an EC certificate: the JWT bearer flow signs RS256 only, so it does not fit', async () => {
      const ec = path.join(__dirname, '../fixtures/keys/test-only-ec-p256.crt.pem');
      const result = await run(
        'inspect',
        ec,
        '--private-key',
        path.join(__dirname, '../fixtures/keys/test-only-ec-p256.pem')
      );
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toContain('Private key matches  yes');
      expect(result.stdout).toContain(
        `Error (NotRsaKeyError): ${ec} holds an EC key, which does not fit the JWT bearer flow: Salesforce accepts only RS256 (RSA with SHA-256) assertions, so logins signed with this key would be refused.`
      );
    });

    it('fails a private key that does not belong to the certificate', async () => {
      const certificateFile = valid();
      const otherKey = file('other-key.pem', fixtureKeyPem('test-only-rsa1024'));
      const result = await run('inspect', certificateFile, '--private-key', otherKey);
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toContain('Private key matches  no');
      expect(result.stdout).toContain(
        `Error (KeyMismatchError): The private key ${otherKey} does not belong to the certificate ${certificateFile}: JWTs signed with it are rejected.`
      );
    });

    it('warns under 30 days left but exits 0; --warn-days moves the threshold', async () => {
      const notAfter = new Date(now.getTime() + 20.5 * DAY_MS);
      const soon = file('soon.crt', fixtureCertificatePem({ notBefore: new Date(now.getTime() - DAY_MS), notAfter }));
      const result = await run('inspect', soon);
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toContain(
        `Warning: ${soon} expires on ${day(
          notAfter
        )}: 20 days left (warning from 30 days). Salesforce does not warn before app certificates expire.`
      );
      expect((await run('inspect', soon, '--warn-days', '10')).stderr).toBe('');
    });

    it('--json carries the report and the problems, and exits 1 on an error', async () => {
      const expired = file(
        'expired.crt',
        fixtureCertificatePem({
          notBefore: new Date(now.getTime() - 400 * DAY_MS),
          notAfter: new Date(now.getTime() - DAY_MS),
        })
      );
      const result = await run('inspect', expired, '--json');
      expect(result.exitCode).toBe(1);
      const envelope = JSON.parse(result.stdout) as { status: number; result: { problems: Array<{ name: string }> } };
      expect(envelope.status).toBe(1);
      expect(envelope.result).toMatchObject({
        source: expired,
        format: 'PEM',
        keyBits: 2048,
        problems: [{ severity: 'error', name: 'CertificateExpiredError' }],
      });
    });
  });

  it('asks for a subcommand', async () => {
    const result = await run();
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('Error (UsageError): Name a subcommand: "vendor-access cert --help" lists them.');
  });
});
