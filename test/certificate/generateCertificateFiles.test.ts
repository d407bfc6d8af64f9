import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { generateCertificateFiles } from '../../src/certificate';
import * as keyPairModule from '../../src/certificate/generateRsaKeyPair';
import { NOW } from './fixtureCertificate';

describe('generateCertificateFiles', () => {
  let projectDir: string;
  beforeEach(() => {
    projectDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-certfiles-'));
  });
  afterEach(() => fs.rmSync(projectDir, { recursive: true, force: true }));

  it('writes the pair and returns the report of what it wrote', async () => {
    const keygen = jest.spyOn(keyPairModule, 'generateRsaKeyPair');
    const files = await generateCertificateFiles('out/certs', { commonName: 'ISPM', days: 30, now: NOW, projectDir });
    const certificate = new X509Certificate(fs.readFileSync(files.certificatePath));
    expect(files.certificate.sha256Fingerprint).toBe(certificate.fingerprint256);
    expect(files.certificate).toMatchObject({ daysLeft: 30, keyMatches: true });
    expect(JSON.stringify(files)).not.toContain('PRIVATE KEY');
    expect(keygen).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['inside force-app', 'force-app/ispm', 'OutputInSourceError'],
    ['with invalid options', 'out/certs', 'InvalidCertificateOptionsError'],
  ])('makes no key when the destination or options are wrong (%s)', async (_label, outputDir, name) => {
    const keygen = jest.spyOn(keyPairModule, 'generateRsaKeyPair');
    const commonName = name === 'InvalidCertificateOptionsError' ? '' : 'x';
    await expect(generateCertificateFiles(outputDir, { commonName, projectDir })).rejects.toMatchObject({ name });
    expect(keygen).not.toHaveBeenCalled();
  });

  it('makes no key when the files exist and force is not given', async () => {
    await generateCertificateFiles('out/certs', { commonName: 'x', projectDir });
    const keygen = jest.spyOn(keyPairModule, 'generateRsaKeyPair');
    await expect(generateCertificateFiles('out/certs', { commonName: 'x', projectDir })).rejects.toMatchObject({
      name: 'OutputFileExistsError',
    });
    expect(keygen).not.toHaveBeenCalled();
  });
});
