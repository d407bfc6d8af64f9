import { checkMetadataFile } from '../../src/metadata/checkMetadataFile';
import { fieldsOf } from '../../src/metadata/metadataSchema';
import { ORG_FIELDS } from '../../src/metadata/orgMetadataFields';
import {
  addUserPermissions,
  removePermissions,
  renderRealTimeEventSettings,
  renderSecuritySettings,
} from '../../src/metadata/renderXml';

/** Walks a slash path through the published schema; undefined when a step does not exist. */
const resolve = (type: string, path: string): string | undefined => {
  let current: string | undefined = type;
  for (const step of path.split('/')) {
    const field: { type: string } | undefined = current ? fieldsOf(current)?.[step] : undefined;
    if (!field) return undefined;
    current = field.type;
  }
  return current;
};

describe("every org-metadata field the product reads or writes is in Salesforce's published schema", () => {
  it.each(Object.entries(ORG_FIELDS).map(([name, f]) => [name, f.type, f.path]))('%s: %s %s', (_name, type, path) => {
    expect(resolve(type, path)).toBeDefined();
  });

  it('a field Salesforce removed would be caught: enableExternalClientApps is not in ExternalClientAppSettings at API 64', () => {
    expect(resolve('ExternalClientAppSettings', 'enableExternalClientApps')).toBeUndefined();
  });

  it('the files the product generates per org pass the same schema check', () => {
    const files: Array<[string, string]> = [
      [
        'x/settings/Security.settings-meta.xml',
        renderSecuritySettings([{ start: '10.0.0.1', end: '10.0.0.9', description: 'A & B' }]),
      ],
      ['x/settings/RealTimeEvent.settings-meta.xml', renderRealTimeEventSettings(['ApiEvent', 'LoginEventStream'])],
      [
        'x/permissionsets/P.permissionset-meta.xml',
        removePermissions(
          addUserPermissions(
            '<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>P</label>\n    <objectPermissions>\n        <allowRead>true</allowRead>\n        <object>ApiAnomalyEventStore</object>\n    </objectPermissions>\n</PermissionSet>\n',
            ['ViewSetup', 'ViewEventLogFiles']
          ),
          ['ViewEventLogFiles'],
          ['ApiAnomalyEventStore']
        ),
      ],
    ];
    for (const [rel, xml] of files) expect(checkMetadataFile(rel, xml).problems).toEqual([]);
    expect(files[2]?.[1]).toContain('<name>ViewSetup</name>');
    expect(files[2]?.[1]).not.toMatch(/ViewEventLogFiles|objectPermissions/);
  });
});
