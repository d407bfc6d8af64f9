import fs from 'node:fs';
import path from 'node:path';
import { loadVendors } from '../../src/catalogue';
import type { Vendor } from '../../src/catalogue';
import { main } from '../../src/cli';
import { checkMetadataFile } from '../../src/metadata/checkMetadataFile';
import { checkVendorMetadata } from '../../src/metadata/checkVendorMetadata';
import { recordingIo } from '../../src/output/io';
import { editFile, setJson } from '../helpers/projectCopy';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';

const PERMSET = 'force-app/ispm/main/default/permissionsets/ISPM_Workload_Identities.permissionset-meta.xml';
const PROFILE = 'force-app/ispm/hardened/profiles/ISPM_Integration_Hardened.profile-meta.xml';

/**
 * The metadata checks name each problem with a stable code from messages/metadata.md, which scripts
 * match in `check --json`. Each case asserts the whole problem: code, file, field, message and fix.
 */
describe('metadata problems carry their codes', () => {
  const project = useProjectCopyAsCwd();
  const ispm = (): Vendor => {
    const vendor = loadVendors(project()).vendors.find((v) => v.name === 'ispm');
    if (!vendor) throw new Error('the project has no ispm vendor');
    return vendor;
  };

  it('finds nothing wrong in the project as committed', () => {
    expect(checkVendorMetadata(project(), ispm()).problems).toEqual([]);
  });

  it('a namespace that is missing and one that is wrong are two codes', () => {
    const text = '<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet%s><label>X</label></PermissionSet>\n';
    const rel = 'force-app/x/permissionsets/X.permissionset-meta.xml';
    expect(checkMetadataFile(rel, text.replace('%s', '')).problems).toEqual([
      {
        code: 'MetadataNamespaceMissing',
        severity: 'error',
        file: rel,
        field: '<PermissionSet> xmlns',
        message: 'has namespace (none)',
        fix: 'Set xmlns="http://soap.sforce.com/2006/04/metadata" on the root element.',
      },
    ]);
    expect(checkMetadataFile(rel, text.replace('%s', ' xmlns="urn:other"')).problems).toEqual([
      {
        code: 'MetadataNamespaceWrong',
        severity: 'error',
        file: rel,
        field: '<PermissionSet> xmlns',
        message: 'has namespace urn:other',
        fix: 'Set xmlns="http://soap.sforce.com/2006/04/metadata" on the root element.',
      },
    ]);
  });

  it('a permission set that lacks its label and grants an unknown permission', () => {
    editFile(project(), PERMSET, '<label>ISPM workload identities</label>', '');
    editFile(project(), PERMSET, '<name>CustomizeApplication</name>', '<name>NoSuchPermission</name>');
    const problems = checkVendorMetadata(project(), ispm()).problems;
    expect(problems).toContainEqual({
      code: 'MetadataRequiredElementMissing',
      severity: 'error',
      file: PERMSET,
      field: 'PermissionSet/label',
      message: 'PermissionSet requires <label>',
      fix: 'Add <label>.',
    });
    expect(problems).toContainEqual({
      code: 'PermissionNotCatalogued',
      severity: 'error',
      file: PERMSET,
      field: 'userPermissions NoSuchPermission',
      message:
        '"NoSuchPermission" is not in the permission catalogue, nor described in force-app/ispm/vendor.json permissions',
      fix: 'Check the API name against describe(PermissionSet) (the field name without "Permissions"), then describe it in force-app/ispm/vendor.json: "permissions": { "NoSuchPermission": { "label": "<Setup label>", "tier": <0-4>, "why": "<the guide step>" } }.',
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'GuidePermissionNotGranted', field: 'userPermissions CustomizeApplication' })
    );
  });

  it('a hardened profile without a licence is its own code, apart from a wrong licence', () => {
    editFile(project(), PROFILE, '<userLicense>Salesforce</userLicense>', '');
    expect(checkVendorMetadata(project(), ispm()).problems).toEqual([
      {
        code: 'HardenedProfileLicenceMissing',
        severity: 'error',
        file: PROFILE,
        field: 'userLicense',
        message: 'is "(none)", but the integration user\'s licence is "Salesforce"',
        fix: 'Write <userLicense>Salesforce</userLicense>.',
      },
    ]);
    editFile(project(), PROFILE, '<custom>true</custom>', '<custom>true</custom><userLicense>Guest</userLicense>');
    expect(checkVendorMetadata(project(), ispm()).problems).toEqual([
      expect.objectContaining({ code: 'HardenedProfileLicenceWrong', message: expect.stringMatching(/^is "Guest"/) }),
    ]);
  });

  it("a bad range has the range check's code and words, at the place it is written", () => {
    setJson(project(), 'force-app/ispm/vendor.json', 'trustedRanges.published.0', '18.98.16.161/27');
    expect(checkVendorMetadata(project(), ispm()).problems).toEqual([
      {
        code: 'CidrHostBitsSet',
        severity: 'error',
        file: 'force-app/ispm/vendor.json',
        field: 'trustedRanges.published[0]',
        message: '18.98.16.161/27 has host bits set; the block starts at 18.98.16.160',
        fix: 'Write 18.98.16.160/27, or a single address without a prefix.',
      },
    ]);
  });

  it('gives scripts the codes in check --json', async () => {
    fs.symlinkSync(
      path.join(project(), 'force-app/ispm/vendor.json'),
      path.join(project(), 'force-app/ispm/main/default/link.json')
    );
    editFile(project(), PERMSET, '<enabled>true</enabled>', '<enabled>false</enabled>');
    const io = recordingIo();
    expect(await main(['check', '--vendor', 'ispm', '--json'], io)).toBe(1);
    const envelope = JSON.parse(io.out.join('')) as { data: { problems: Array<{ code?: string; field: string }> } };
    expect(envelope.data.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['SymlinkInForceApp', 'PermissionNotEnabled'])
    );
    expect(envelope.data.problems.every((p) => typeof p.code === 'string')).toBe(true);
  });
});
