import { Lifecycle } from '@salesforce/core';
import { retrieveOrgMetadata } from '../../src/org/read/retrieveOrgMetadata';
import { connectToSimulator } from './connect';
import { deploySource, failures, permissionSet, security, xml } from './deploySource';
import { SHAPES } from './shapes';
import { OrgSimulator, startOrgSimulator } from './index';

/**
 * Each rule of the simulated org, driven through the real SDR deploy path, asserting the text a
 * user would see in `sf project deploy start` output.
 */
describe('org simulator: metadata rules through the real SDR', () => {
  let sim: OrgSimulator;
  const start = async (options: Parameters<typeof startOrgSimulator>[0] = {}): Promise<void> => {
    Lifecycle.getInstance().onWarning(async () => {});
    sim = await startOrgSimulator(options);
  };
  afterEach(() => sim.stop());

  it('rejects a user permission the org does not have', async () => {
    await start();
    const result = await deploySource(sim, {
      'permissionsets/P.permissionset-meta.xml': permissionSet('P', ['ViewSetupAndConfiguration']),
    });
    expect(result.response.status).toBe('Failed');
    expect(failures(result)).toEqual([
      'PermissionSet:P: In field: name - no UserPermission named ViewSetupAndConfiguration found',
    ]);
  });

  it('rejects a permission whose dependencies are missing, naming them all', async () => {
    await start();
    const result = await deploySource(sim, {
      'permissionsets/P.permissionset-meta.xml': permissionSet('P', ['ManageTwoFactor']),
    });
    expect(failures(result)).toEqual([
      'PermissionSet:P: Permission ManageTwoFactor depends on permission(s): ManageUsers',
    ]);
  });

  it('has org-dependent dependencies: View All Data needs the Event Monitoring permissions only where they exist', async () => {
    await start({ shape: 'enterprise-shield' });
    const shield = await deploySource(sim, {
      'permissionsets/P.permissionset-meta.xml': permissionSet('P', [
        'ViewAllData',
        'ViewSetup',
        'ViewRoles',
        'ViewPublicDashboards',
        'ViewPublicReports',
      ]),
    });
    expect(failures(shield)).toEqual([
      'PermissionSet:P: Permission ViewAllData depends on permission(s): ViewEventLogFiles, ViewPlatformEvents, ViewDataLeakageEvents',
    ]);
    await sim.stop();
    await start({ shape: 'enterprise' });
    const plain = await deploySource(sim, {
      'permissionsets/P.permissionset-meta.xml': permissionSet('P', [
        'ViewAllData',
        'ViewSetup',
        'ViewRoles',
        'ViewPublicDashboards',
        'ViewPublicReports',
      ]),
    });
    expect(plain.response.status).toBe('Succeeded');
  });

  it('rejects object permissions on an object the org lacks (event stores without Shield)', async () => {
    await start({ shape: 'enterprise' });
    const object =
      '    <objectPermissions>\n        <allowCreate>false</allowCreate>\n        <allowDelete>false</allowDelete>\n        <allowEdit>false</allowEdit>\n        <allowRead>true</allowRead>\n        <modifyAllRecords>false</modifyAllRecords>\n        <object>ApiAnomalyEventStore</object>\n        <viewAllRecords>true</viewAllRecords>\n    </objectPermissions>\n';
    const result = await deploySource(sim, {
      'permissionsets/P.permissionset-meta.xml': permissionSet('P', [], object),
    });
    expect(failures(result)).toEqual([
      'PermissionSet:P: In field: object - no CustomObject named ApiAnomalyEventStore found',
    ]);
  });

  it('rejects a permission the permission set licence does not allow, and a licence the org lacks', async () => {
    await start();
    const capped = await deploySource(sim, {
      'permissionsets/P.permissionset-meta.xml': permissionSet(
        'P',
        [
          'ModifyAllData',
          'ViewAllData',
          'ViewSetup',
          'ViewRoles',
          'ViewPublicDashboards',
          'ViewPublicReports',
          'ModifyMetadata',
        ],
        '    <license>Salesforce API Integration</license>\n'
      ),
    });
    expect(failures(capped)).toEqual([
      "PermissionSet:P: The user license doesn't allow the permission: Modify All Data",
      "PermissionSet:P: The user license doesn't allow the permission: View All Data",
    ]);
    const unknown = await deploySource(sim, {
      'permissionsets/Q.permissionset-meta.xml': permissionSet(
        'Q',
        [],
        '    <license>Salesforce Platform Plus</license>\n'
      ),
    });
    expect(failures(unknown)).toEqual([
      'PermissionSet:Q: In field: license - no License named Salesforce Platform Plus found',
    ]);
  });

  it('rejects an element the type does not have, with the schema parser text', async () => {
    await start();
    const result = await deploySource(sim, {
      'permissionsets/P.permissionset-meta.xml': permissionSet('P', [], '    <licence>Salesforce</licence>\n'),
    });
    expect(failures(result)).toEqual([
      'PermissionSet:P: Error parsing file: Element {http://soap.sforce.com/2006/04/metadata}licence invalid at this location in type PermissionSet',
    ]);
  });

  it.each([
    [['10.0.0.9', '10.0.0.1'], 'Invalid IP range: the start address 10.0.0.9 is after the end address 10.0.0.1'],
    [['10.0.0.1', '2001:db8::1'], 'Invalid IP range: 10.0.0.1 and 2001:db8::1 must both be IPv4 or both be IPv6'],
    [['4.0.0.0', '7.255.255.255'], 'Invalid IP range: 4.0.0.0 to 7.255.255.255 is too large'],
  ])('rejects trusted range %j', async ([s, e], text) => {
    await start();
    const result = await deploySource(sim, {
      'settings/Security.settings-meta.xml': security([[s as string, e as string, 'x']]),
    });
    expect(failures(result)).toEqual([`Settings:Security: ${text}`]);
  });

  it('replaces the whole trusted range list on a SecuritySettings deploy', async () => {
    await start({
      seed: { trustedRanges: [{ start: '198.51.100.0', end: '198.51.100.255', description: 'Head office' }] },
    });
    const result = await deploySource(sim, {
      'settings/Security.settings-meta.xml': security([['203.0.113.1', '203.0.113.1', 'Only this']]),
    });
    expect(result.response.status).toBe('Succeeded');
    const held = sim.state.components.get('Settings:Security')?.xml ?? '';
    expect(held).toContain('Only this');
    expect(held).not.toContain('Head office');
  });

  it('replaces a permission set whole: a permission left out is gone', async () => {
    await start();
    await deploySource(sim, {
      'permissionsets/P.permissionset-meta.xml': permissionSet('P', ['ApiEnabled', 'ViewRoles']),
    });
    await deploySource(sim, { 'permissionsets/P.permissionset-meta.xml': permissionSet('P', ['ApiEnabled']) });
    expect(sim.state.components.get('PermissionSet:P')?.xml).not.toContain('ViewRoles');
  });

  it('is atomic: one bad component rolls the whole deploy back', async () => {
    await start();
    const before = [...sim.state.components.keys()];
    const result = await deploySource(sim, {
      'permissionsets/Good.permissionset-meta.xml': permissionSet('Good', ['ApiEnabled']),
      'permissionsets/Bad.permissionset-meta.xml': permissionSet('Bad', ['NoSuchPermission']),
    });
    expect(result.response.status).toBe('Failed');
    expect([...sim.state.components.keys()]).toEqual(before);
  });

  it('changes nothing on a check-only deploy', async () => {
    await start();
    const result = await deploySource(
      sim,
      { 'permissionsets/P.permissionset-meta.xml': permissionSet('P', ['ApiEnabled']) },
      { checkOnly: true }
    );
    expect(result.response.status).toBe('Succeeded');
    expect(sim.state.components.has('PermissionSet:P')).toBe(false);
  });

  const realTimeEvent = (entity: string): string =>
    xml(
      'RealTimeEventSettings',
      `    <realTimeEvents>\n        <entityName>${entity}</entityName>\n        <isEnabled>true</isEnabled>\n    </realTimeEvents>\n`
    );
  const entities = async (): Promise<string[]> => {
    const held =
      (await retrieveOrgMetadata(await connectToSimulator(sim), [{ type: 'Settings', fullName: 'RealTimeEvent' }])).get(
        'settings/RealTimeEvent.settings'
      ) ?? '';
    return [...held.matchAll(/<entityName>(\w+)<\/entityName>\s*<isEnabled>(\w+)</g)].map(
      (m) => `${m[1] ?? ''}=${m[2] ?? ''}`
    );
  };

  it('rejects Event Manager entities the org does not offer: without Shield it offers none', async () => {
    await start({ shape: 'enterprise' });
    const shieldOnly = await deploySource(sim, {
      'settings/RealTimeEvent.settings-meta.xml': realTimeEvent('ApiAnomalyEventStore'),
    });
    expect(failures(shieldOnly)).toEqual([
      'Settings:RealTimeEvent: Invalid entity name: ApiAnomalyEventStore is not available in this organization',
    ]);
    const standard = await deploySource(sim, {
      'settings/RealTimeEvent.settings-meta.xml': realTimeEvent('LoginEvent'),
    });
    expect(failures(standard)).toEqual([
      'Settings:RealTimeEvent: Invalid entity name: LoginEvent is not available in this organization',
    ]);
    expect(await entities()).toEqual([]);
  });

  it('retrieves Event Manager with every entity the org offers, storage off until enabled', async () => {
    await start({ shape: 'enterprise-shield' });
    const offered = SHAPES['enterprise-shield']?.realTimeEvents ?? [];
    expect(await entities()).toEqual(offered.map((e) => `${e}=false`));
    expect(
      (await deploySource(sim, { 'settings/RealTimeEvent.settings-meta.xml': realTimeEvent('LoginEvent') })).response
        .status
    ).toBe('Succeeded');
    expect(await entities()).toEqual(offered.map((e) => `${e}=${e === 'LoginEvent'}`));
  });

  it.each(['true', 'false'])(
    'refuses enableEventLogWaveIntegration=%s without Event Monitoring, accepts it with Shield',
    async (value) => {
      const event = {
        'settings/Event.settings-meta.xml': xml(
          'EventSettings',
          `    <enableEventLogWaveIntegration>${value}</enableEventLogWaveIntegration>\n`
        ),
      };
      await start({ shape: 'enterprise' });
      expect(failures(await deploySource(sim, event))).toEqual([
        'Settings:Event: Not available for deploy for this organization',
      ]);
      const held = sim.state.components.get('Settings:Event')?.xml ?? '';
      expect(held).not.toContain('enableEventLogWaveIntegration');
      expect(
        (
          await deploySource(sim, {
            'settings/Event.settings-meta.xml': xml(
              'EventSettings',
              '    <enableDeleteMonitoringData>false</enableDeleteMonitoringData>\n'
            ),
          })
        ).response.status
      ).toBe('Succeeded');
      await sim.stop();
      await start({ shape: 'enterprise-shield' });
      expect((await deploySource(sim, event)).response.status).toBe('Succeeded');
      expect(sim.state.components.get('Settings:Event')?.xml).toContain(
        `<enableEventLogWaveIntegration>${value}</enableEventLogWaveIntegration>`
      );
    }
  );
});
