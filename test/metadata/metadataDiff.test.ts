import { diffMetadata } from '../../src/metadata/metadataDiff';

const permset = (perms: string[], label = 'X'): string =>
  `<?xml version="1.0" encoding="UTF-8"?><PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata"><label>${label}</label>${perms
    .map((p) => `<userPermissions><enabled>true</enabled><name>${p}</name></userPermissions>`)
    .join('')}</PermissionSet>`;

describe('value-level metadata diff', () => {
  it('lists permissions added and removed, independent of order', () => {
    expect(diffMetadata(permset(['ViewSetup', 'ApiEnabled']), permset(['ApiEnabled', 'ViewRoles']), true)).toEqual([
      { path: 'userPermissions[ViewRoles]/enabled', to: 'true' },
      { path: 'userPermissions[ViewRoles]/name', to: 'ViewRoles' },
      { path: 'userPermissions[ViewSetup]/enabled', from: 'true' },
      { path: 'userPermissions[ViewSetup]/name', from: 'ViewSetup' },
    ]);
  });

  it('reports nothing when the org already matches', () => {
    expect(diffMetadata(permset(['A', 'B']), permset(['B', 'A']), true)).toEqual([]);
  });

  it('treats everything as new when the org lacks the component', () => {
    expect(diffMetadata(undefined, permset([], 'New'), true)).toEqual([{ path: 'label', to: 'New' }]);
  });

  it('ignores settings fields we do not send', () => {
    const org =
      '<EventSettings xmlns="http://soap.sforce.com/2006/04/metadata"><enableDeleteMonitoringData>true</enableDeleteMonitoringData><enableStreamingApi>true</enableStreamingApi></EventSettings>';
    const ours =
      '<EventSettings xmlns="http://soap.sforce.com/2006/04/metadata"><enableDeleteMonitoringData>false</enableDeleteMonitoringData></EventSettings>';
    expect(diffMetadata(org, ours, false)).toEqual([{ path: 'enableDeleteMonitoringData', from: 'true', to: 'false' }]);
  });
});
