import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadVendors } from '../../src/catalogue';
import type { Vendor } from '../../src/catalogue';
import type { Problem } from '../../src/problems/problem';
import { loadOrgValues } from '../../src/values';
import { DAY_MS, NOW, fixtureCertificatePem } from '../certificate/fixtureCertificate';

/**
 * The codes a script matches in `check --json`: one per kind of values problem, from
 * messages/values.md, and the certificate findings under their messages/certificate.md names.
 */
const ROOT = path.join(__dirname, '..', '..');
type VendorsNode = Record<string, Record<string, unknown>>;
type Edit = (vendors: VendorsNode) => VendorsNode;
const EXAMPLE = JSON.parse(fs.readFileSync(path.join(ROOT, 'config/orgs/example.json'), 'utf8')) as {
  vendors: VendorsNode;
};

const without = (node: Record<string, unknown> | undefined, key: string): Record<string, unknown> =>
  Object.fromEntries(Object.entries(node ?? {}).filter(([k]) => k !== key));

let dir: string;
let vendors: Vendor[];
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'value-codes-'));
  vendors = loadVendors(ROOT).vendors.filter((v) => v.name === 'ispm' || v.name === 'reco');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The example values with `edit` applied, loaded for ispm and reco. */
const problemsWith = async (edit: Edit): Promise<Problem[]> => {
  const values = { ...EXAMPLE, vendors: edit(structuredClone(EXAMPLE.vendors)) };
  const file = path.join(dir, `values-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(values));
  const { problems } = await loadOrgValues(file, vendors, { projectDir: ROOT, env: {}, now: NOW });
  return problems;
};

const certificate = (name: string, options: Parameters<typeof fixtureCertificatePem>[0]): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, fixtureCertificatePem(options));
  return file;
};

describe('values problems carry a stable code', () => {
  it.each<[string, Edit, Partial<Problem>]>([
    [
      'an address that is not one',
      (v): VendorsNode => ({ ...v, ispm: { ...v.ispm, contactEmail: 'nobody' } }),
      {
        code: 'NotAnEmail',
        field: 'vendors.ispm.contactEmail',
        message: '"nobody" is not an email address',
        fix: 'Write an email address such as name@example.com.',
      },
    ],
    [
      'a username that is not a string',
      (v): VendorsNode => ({ ...v, reco: { ...v.reco, integrationUsername: 7 } }),
      {
        code: 'UsernameNotString',
        field: 'vendors.reco.integrationUsername',
        fix: 'Write a Salesforce username (email-shaped) such as name@example.com.',
      },
    ],
    [
      'a required value left out',
      (v): VendorsNode => ({ ...v, ispm: without(v.ispm, 'contactEmail') }),
      {
        code: 'RequiredOverridableValueMissing',
        message: 'is required: Contact Email of the External Client App.',
        fix: 'Set "contactEmail" under vendors.ispm, or the environment variable ISPM_CONTACT_EMAIL.',
      },
    ],
    [
      'a CIDR with host bits',
      (v): VendorsNode => ({ ...v, reco: { ...v.reco, trustedRanges: ['10.0.0.0/6'] } }),
      {
        code: 'CidrHostBitsSetTooLarge',
        field: 'vendors.reco.trustedRanges[0]',
        message: '10.0.0.0/6 has host bits set; the block starts at 8.0.0.0',
      },
    ],
    [
      'two ranges that overlap',
      (v): VendorsNode => ({ ...v, reco: { ...v.reco, trustedRanges: ['203.0.113.0/28', '203.0.113.5'] } }),
      {
        code: 'TrustedRangesOverlap',
        field: 'vendors.reco.trustedRanges[1]',
        message: '"203.0.113.5" overlaps "203.0.113.0/28" (entry 0)',
      },
    ],
    [
      'a vendor key in the wrong case',
      (v): VendorsNode => ({ ...v, ISPM: {} }),
      {
        code: 'ValuesVendorMiscased',
        field: 'vendors.ISPM',
        fix: 'Write "ispm": vendor names are case-sensitive.',
      },
    ],
    [
      'a key the vendor does not have',
      (v): VendorsNode => ({ ...v, reco: { ...v.reco, colour: 'blue' } }),
      { code: 'UnknownValueKey', field: 'vendors.reco.colour', message: 'is not a reco value' },
    ],
    [
      'an unknown hardening option',
      (v): VendorsNode => ({ ...v, reco: { ...v.reco, hardening: { lockEverything: true } } }),
      {
        code: 'UnknownHardeningOption',
        field: 'vendors.reco.hardening.lockEverything',
        fix: 'Use one of: restrictLoginToVendorRanges.',
      },
    ],
  ])('%s', async (_label, edit, expected) => {
    expect(await problemsWith(edit)).toContainEqual(expect.objectContaining({ severity: 'error', ...expected }));
  });

  it('warns, with a code, when a vendor that takes ranges has none', async () => {
    const problems = await problemsWith((v) => ({ ...v, reco: without(v.reco, 'trustedRanges') }));
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'NoTrustedRanges', severity: 'warning', field: 'vendors.reco.trustedRanges' })
    );
  });

  it('names a values file that is missing or not JSON', async () => {
    const options = { projectDir: ROOT, env: {} };
    const missing = await loadOrgValues(path.join(dir, 'absent.json'), vendors, options);
    expect(missing.problems).toEqual([
      expect.objectContaining({ code: 'ValuesFileNotFound', message: 'does not exist' }),
    ]);
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{ "vendors": ');
    const notJson = await loadOrgValues(broken, vendors, options);
    expect(notJson.problems).toEqual([
      expect.objectContaining({ code: 'ValuesFileNotJson', message: expect.stringMatching(/^is not valid JSON: /) }),
    ]);
  });

  it('gives certificate findings their messages/certificate.md names as codes', async () => {
    const expired = certificate('expired.crt', { notAfter: new Date(NOW.getTime() - 2 * DAY_MS) });
    const weak = certificate('weak.crt', { key: 'test-only-rsa1024' });
    const soon = certificate('soon.crt', { notAfter: new Date(NOW.getTime() + 5 * DAY_MS) });
    const codesFor = async (file: string): Promise<Array<{ code: string | undefined; severity: string }>> =>
      (await problemsWith((v) => ({ ...v, ispm: { ...v.ispm, serverCertificate: file } })))
        .filter((p) => p.field === 'vendors.ispm.serverCertificate')
        .map(({ code, severity }) => ({ code, severity }));
    expect(await codesFor(expired)).toEqual([{ code: 'CertificateExpiredError', severity: 'error' }]);
    expect(await codesFor(weak)).toEqual([{ code: 'WeakRsaKeyError', severity: 'error' }]);
    expect(await codesFor(soon)).toEqual([{ code: 'CertificateExpiresSoonWarning', severity: 'warning' }]);
    expect(await codesFor(path.join(dir, 'nowhere.crt'))).toEqual([
      { code: 'CertificateFileNotFoundError', severity: 'error' },
    ]);
  });
});
