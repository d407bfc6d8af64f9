import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeCertificateFiles } from '../../src/certificate';
import { fixtureCertificatePem, fixtureKeyPem } from './fixtureCertificate';

const generated = { certificatePem: fixtureCertificatePem({}), privateKeyPem: fixtureKeyPem('test-only-rsa2048') };

describe('writeCertificateFiles', () => {
  let projectDir: string;
  let umask: number;
  beforeEach(() => {
    projectDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-cert-'));
    fs.mkdirSync(path.join(projectDir, 'force-app', 'ispm'), { recursive: true });
    // Whatever the umask, the key ends up exactly 0600.
    umask = process.umask(0o000);
  });
  afterEach(() => {
    process.umask(umask);
    fs.rmSync(projectDir, { recursive: true, force: true });
  });

  it('writes server.key with mode 0600 and server.crt, creating the folder', async () => {
    const written = await writeCertificateFiles('out/certs', generated, { projectDir });
    expect(written).toEqual({
      keyPath: path.join(fs.realpathSync(projectDir), 'out', 'certs', 'server.key'),
      certificatePath: path.join(fs.realpathSync(projectDir), 'out', 'certs', 'server.crt'),
    });
    expect(fs.statSync(written.keyPath).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(written.keyPath, 'utf8')).toBe(generated.privateKeyPem);
    expect(fs.readFileSync(written.certificatePath, 'utf8')).toBe(generated.certificatePem);
  });

  it('refuses existing files without force, naming them, and leaves them untouched', async () => {
    const dir = path.join(projectDir, 'out', 'certs');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'server.crt'), 'old');
    await expect(writeCertificateFiles('out/certs', generated, { projectDir })).rejects.toMatchObject({
      name: 'OutputFileExistsError',
      message: `Refusing to overwrite ${path.join(
        'out',
        'certs',
        'server.crt'
      )} without --force. Nothing was written and no org was contacted.`,
    });
    expect(fs.readFileSync(path.join(dir, 'server.crt'), 'utf8')).toBe('old');
    expect(fs.existsSync(path.join(dir, 'server.key'))).toBe(false);
  });

  it('replaces existing files with force, and a world-readable old key becomes 0600', async () => {
    const dir = path.join(projectDir, 'out', 'certs');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'server.key'), 'old', { mode: 0o644 });
    const written = await writeCertificateFiles('out/certs', generated, { projectDir, force: true });
    expect(fs.statSync(written.keyPath).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(written.keyPath, 'utf8')).toBe(generated.privateKeyPem);
  });

  it.each([['force-app/ispm/certs'], ['force-app'], ['./out/../force-app/ispm']])(
    'refuses to write into %s',
    async (outputDir) => {
      await expect(writeCertificateFiles(outputDir, generated, { projectDir, force: true })).rejects.toMatchObject({
        name: 'OutputInSourceError',
        message: expect.stringMatching(
          /^Refusing to write the key pair to .*force-app.*: it is inside force-app, part of the project's source/
        ) as unknown as string,
      });
    }
  );

  it('refuses a symlink that leads into force-app', async () => {
    fs.symlinkSync(path.join(projectDir, 'force-app', 'ispm'), path.join(projectDir, 'innocent'));
    await expect(writeCertificateFiles('innocent/certs', generated, { projectDir })).rejects.toMatchObject({
      name: 'OutputInSourceError',
    });
    expect(fs.readdirSync(path.join(projectDir, 'force-app', 'ispm'))).toEqual([]);
  });
});
