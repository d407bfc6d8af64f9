import fs from 'node:fs';
import path from 'node:path';
import { checkMetadataFile } from '../../src/metadata/checkMetadataFile';
import { addUserPermissions, renderSecuritySettings } from '../../src/metadata/renderXml';
import { PROJECT_ROOT } from '../helpers/projectCopy';

const RECO = fs.readFileSync(
  path.join(PROJECT_ROOT, 'force-app/reco/main/default/permissionsets/Reco_Integration.permissionset-meta.xml'),
  'utf8'
);

describe('rendering metadata the wrapper generates', () => {
  it('renders SecuritySettings with every range, escaping descriptions from the org', () => {
    const xml = renderSecuritySettings([
      { start: '198.51.100.0', end: '198.51.100.255', description: 'R&D <lab>' },
      { start: '18.98.16.160', end: '18.98.16.191', description: 'ISPM IP number 1' },
    ]);
    expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
    <networkAccess>
        <ipRanges>
            <description>R&amp;D &lt;lab&gt;</description>
            <end>198.51.100.255</end>
            <start>198.51.100.0</start>
        </ipRanges>
        <ipRanges>
            <description>ISPM IP number 1</description>
            <end>18.98.16.191</end>
            <start>18.98.16.160</start>
        </ipRanges>
    </networkAccess>
</SecuritySettings>
`);
    expect(checkMetadataFile('settings/Security.settings-meta.xml', xml).problems).toEqual([]);
  });

  it('adds an org-resolved permission in sorted position and leaves the rest of the file as it was', () => {
    const xml = addUserPermissions(RECO, ['ViewExampleResolvedAtRuntime']);
    expect(xml).toContain(
      '<name>ViewEventLogFiles</name>\n    </userPermissions>\n    <userPermissions>\n        <enabled>true</enabled>\n        <name>ViewExampleResolvedAtRuntime</name>\n    </userPermissions>\n    <userPermissions>\n        <enabled>true</enabled>\n        <name>ViewPlatformEvents</name>'
    );
    expect(
      xml.replace(
        / {4}<userPermissions>\n {8}<enabled>true<\/enabled>\n {8}<name>ViewExampleResolvedAtRuntime<\/name>\n {4}<\/userPermissions>\n/,
        ''
      )
    ).toBe(RECO);
    expect(checkMetadataFile('permissionsets/Reco_Integration.permissionset-meta.xml', xml).problems).toEqual([]);
  });

  it('adds nothing twice', () => {
    expect(addUserPermissions(RECO, ['ViewSetup', 'ViewRoles'])).toBe(RECO);
  });

  it('adds to a permission set that had no user permissions', () => {
    const empty =
      '<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>X</label>\n</PermissionSet>\n';
    expect(addUserPermissions(empty, ['ApiEnabled'])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>X</label>\n    <userPermissions>\n        <enabled>true</enabled>\n        <name>ApiEnabled</name>\n    </userPermissions>\n</PermissionSet>\n'
    );
  });
});
