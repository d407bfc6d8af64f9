import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { checkVendors } from '../../src/check';
import { loadVendors } from '../../src/catalogue';
import { buildDeployWorkspace } from '../../src/org/plan/deployWorkspace';
import { loadOrgValues } from '../../src/values';
import { copyProject, removeProject, setJson } from '../helpers/projectCopy';

/**
 * Every value a replacement carries into XML (contactEmail through replaceWithEnv, the certificate
 * through replaceWithFile), with content that would be markup or a String.replace pattern. The
 * package must parse and hold exactly the intended value, or the value must be refused.
 */
const ECA = 'externalClientApps/ISPM_SFDC_Integration.eca';
const GLOBAL = 'extlClntAppGlobalOauthSets/ISPM_SFDC_Integration_glbloauth.ecaGlblOauth';
const parser = new XMLParser({ parseTagValue: false, trimValues: false });

const field = (xml: string, root: string, name: string): string => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return (parser.parse(xml) as Record<string, Record<string, string>>)[root]?.[name] ?? '';
};

const zipText = async (zipPath: string, name: string): Promise<string> => {
  const zip = await JSZip.loadAsync(fs.readFileSync(zipPath));
  const file = zip.file(name) ?? zip.file(`metadata/${name}`);
  if (!file) throw new Error(`${name} not in ${zipPath}`);
  return file.async('string');
};

// Each String.replace pattern an email may hold, alone and together ($& and $' need & and ',
// which the email rule refuses: see the last case below and replacementText.test.ts).
const HOSTILE_EMAILS = [
  'a$`b@example.com',
  'a$$b@example.com',
  'a$$$b@example.com',
  '$1$2@example.com',
  'x$`$$$`y@example.com',
  'a$@example.com',
  'a@ex$`ample.com',
];

describe('replaced values reach the package exactly as written', () => {
  let dir: string;
  /** The offline check of ISPM on the example values, with no environment overrides. */
  const checkIspm = (): ReturnType<typeof checkVendors> =>
    checkVendors({ projectDir: dir, vendors: ['ispm'], valuesFile: 'config/orgs/example.json', env: {} });
  beforeEach(() => {
    dir = copyProject();
  });
  afterEach(() => removeProject(dir));

  it.each(HOSTILE_EMAILS)(
    'contactEmail %s from the values file: check writes it literally (zip and readable copy)',
    async (email) => {
      setJson(dir, 'config/orgs/example.json', 'vendors.ispm.contactEmail', email);
      const result = await checkIspm();
      expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const readable = fs.readFileSync(path.join(dir, 'out/ispm/metadata', `${ECA}`), 'utf8');
      expect(field(readable, 'ExternalClientApplication', 'contactEmail')).toBe(email);
      const zipped = await zipText(path.join(dir, 'out/ispm/ispm.zip'), ECA);
      expect(field(zipped, 'ExternalClientApplication', 'contactEmail')).toBe(email);
    }
  );

  it.each(HOSTILE_EMAILS)(
    'contactEmail %s from ISPM_CONTACT_EMAIL: the deploy workspace zip holds it literally',
    async (email) => {
      const { vendors } = loadVendors(dir);
      const { values, problems } = await loadOrgValues('config/orgs/example.json', vendors, {
        projectDir: dir,
        env: { ISPM_CONTACT_EMAIL: email },
      });
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      const ws = await buildDeployWorkspace(dir, {
        vendors,
        values: Object.values(values?.vendors ?? {}),
        extraPermissions: new Map(),
        renames: new Map(),
      });
      try {
        expect(field(await zipText(ws.zipPath, ECA), 'ExternalClientApplication', 'contactEmail')).toBe(email);
      } finally {
        ws.cleanup();
      }
    }
  );

  it('the certificate in the package is the re-encoded block, not the file: CRLF and blank lines are gone', async () => {
    const original = fs.readFileSync(path.join(dir, 'config/certs/example-ispm-server.crt'), 'utf8');
    const messy = `\n\n${original.trim().split('\n').join('\r\n')}\r\n\n  \n`;
    fs.writeFileSync(path.join(dir, 'config/certs/messy.crt'), messy);
    setJson(dir, 'config/orgs/example.json', 'vendors.ispm.serverCertificate', 'config/certs/messy.crt');
    const result = await checkIspm();
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const canonical = new X509Certificate(original).toString().trim();
    for (const xml of [
      fs.readFileSync(path.join(dir, 'out/ispm/metadata', GLOBAL), 'utf8'),
      await zipText(path.join(dir, 'out/ispm/ispm.zip'), GLOBAL),
    ]) {
      const certificate = field(xml, 'ExtlClntAppGlobalOauthSettings', 'certificate');
      expect(certificate).toBe(canonical);
      expect(new X509Certificate(certificate).fingerprint256).toBe(new X509Certificate(original).fingerprint256);
      // Nothing else in the file changed.
      expect(field(xml, 'ExtlClntAppGlobalOauthSettings', 'isConsumerSecretOptional')).toBe('false');
    }
  });

  it.each(["a$'b@example.com", 'a$&b@example.com', 'a<b>@example.com', 'a"b@example.com'])(
    'contactEmail %s is refused by name before anything is written',
    async (email) => {
      setJson(dir, 'config/orgs/example.json', 'vendors.ispm.contactEmail', email);
      const result = await checkIspm();
      expect(result.problems).toContainEqual(
        expect.objectContaining({
          severity: 'error',
          field: 'vendors.ispm.contactEmail',
          message: `"${email}" contains a character XML cannot hold unescaped (< > & " ')`,
        })
      );
      expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    }
  );

  it('a contactEmail holding a placeholder is refused: a later replacement would fill it in', async () => {
    setJson(dir, 'config/orgs/example.json', 'vendors.ispm.contactEmail', '__ISPM_SERVER_CRT__@example.com');
    const result = await checkIspm();
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        field: 'vendors.ispm.contactEmail',
        message: 'contains a placeholder such as __NAME__, which a later replacement would fill in',
      })
    );
  });

  const injected = (original: string): Record<string, string> => ({
    'a closing tag after the block': `${original}</certificate><isConsumerSecretOptional>true</isConsumerSecretOptional><certificate>\n`,
    'Bag Attributes before the block': `Bag Attributes\n    localKeyID: 01 00 00 00\nsubject=/CN=ISPM\n${original}`,
    'a $& pattern after the block': `${original}$&\n`,
    'a comment line before the block': `# server certificate\n${original}`,
  });

  it.each(Object.keys(injected('')))(
    'a certificate file with %s is refused by name, and nothing is written',
    async (name) => {
      const original = fs.readFileSync(path.join(dir, 'config/certs/example-ispm-server.crt'), 'utf8');
      fs.writeFileSync(path.join(dir, 'config/certs/example-ispm-server.crt'), injected(original)[name] as string);
      const result = await checkIspm();
      expect(result.ok).toBe(false);
      expect(result.problems).toContainEqual(
        expect.objectContaining({
          severity: 'error',
          file: 'config/orgs/example.json',
          field: 'vendors.ispm.serverCertificate',
          message: expect.stringMatching(
            /^config\/certs\/example-ispm-server\.crt holds text outside its one "-----BEGIN CERTIFICATE-----" block \(line \d+\)/
          ) as unknown as string,
          fix: expect.stringContaining('Delete everything before') as unknown as string,
        })
      );
      expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    }
  );

  it('a certificate with a $ pattern inside its base64 is refused (it does not parse), never copied', async () => {
    const original = fs.readFileSync(path.join(dir, 'config/certs/example-ispm-server.crt'), 'utf8');
    const lines = original.split('\n');
    lines.splice(3, 0, '$&$`');
    fs.writeFileSync(path.join(dir, 'config/certs/example-ispm-server.crt'), lines.join('\n'));
    const result = await checkIspm();
    expect(result.ok).toBe(false);
    expect(result.problems.find((p) => p.field === 'vendors.ispm.serverCertificate')?.message).toMatch(
      /not a valid X\.509 certificate|holds text outside/
    );
  });
});
