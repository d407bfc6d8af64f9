import { Connection, Lifecycle } from '@salesforce/core';
import {
  ComponentSet,
  DestructiveChangesType,
  RegistryAccess,
  SourceComponent,
} from '@salesforce/source-deploy-retrieve';
import { connectToSimulator } from './connect';
import { deploySource, failures, permissionSet, xml } from './deploySource';
import { seedLogin, seedOauthToken, seedSession } from './lifecycle';
import { newId, rows } from './orgState';
import { OrgSimulator, startOrgSimulator } from './index';

const USER = 'vendor.user@example.com';

/** Deletes components through the real SDR: destructiveChangesPost.xml next to an empty package.xml. */
const destroy = async (sim: OrgSimulator, members: Array<[string, string]>): ReturnType<typeof deploySource> => {
  const registry = new RegistryAccess();
  const set = new ComponentSet();
  for (const [type, name] of members)
    set.add(new SourceComponent({ name, type: registry.getTypeByName(type) }), DestructiveChangesType.POST);
  set.apiVersion = '64.0';
  set.sourceApiVersion = '64.0';
  const deploy = await set.deploy({
    usernameOrConnection: await connectToSimulator(sim),
    apiOptions: { rollbackOnError: true },
  });
  return deploy.pollStatus(20, 60);
};

describe('org simulator: tokens, sessions, logins, freeze, deactivation, deletes', () => {
  let sim: OrgSimulator;
  let connection: Connection;
  beforeEach(async () => {
    Lifecycle.getInstance().onWarning(async () => {});
    sim = await startOrgSimulator({ seed: { users: [{ Username: USER, profile: 'Standard User' }] } });
    connection = await connectToSimulator(sim);
  });
  afterEach(() => sim.stop());
  const userId = (): string => String(rows(sim.state, 'User').find((u) => u.Username === USER)?.Id);

  it('OauthToken is query only; its DeleteToken revokes it at /services/oauth2/revoke, once', async () => {
    const token = seedOauthToken(sim.state, USER, { AppName: 'Vendor App', UseCount: 3 });
    const queried = await connection.query(
      `SELECT Id, AppName, UseCount, DeleteToken FROM OauthToken WHERE UserId = '${userId()}'`
    );
    expect(queried.records).toEqual([
      expect.objectContaining({ Id: null, AppName: 'Vendor App', UseCount: 3, DeleteToken: token.DeleteToken }),
    ]);
    await expect(connection.sobject('OauthToken').destroy('0CQ000000000001AAA')).rejects.toThrow(
      "HTTP Method 'DELETE' not allowed. Allowed are HEAD,GET"
    );
    const revoke = (): Promise<unknown> =>
      connection.request({
        method: 'POST',
        url: '/services/oauth2/revoke',
        body: `token=${String(token.DeleteToken)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    await revoke();
    expect(rows(sim.state, 'OauthToken')).toEqual([]);
    await expect(revoke()).rejects.toThrow(/invalid_token/);
  });

  it('UserLogin freezes a user (only IsFrozen and IsPasswordLocked update)', async () => {
    const login = (
      await connection.query<{ Id: string; IsFrozen: boolean }>(
        `SELECT Id, IsFrozen FROM UserLogin WHERE UserId = '${userId()}'`
      )
    ).records[0];
    expect(login?.IsFrozen).toBe(false);
    await connection.sobject('UserLogin').update({ Id: login?.Id as string, IsFrozen: true });
    expect(rows(sim.state, 'UserLogin').find((l) => l.UserId === userId())?.IsFrozen).toBe(true);
    await expect(
      connection.sobject('UserLogin').update({ Id: login?.Id as string, UserId: '005000000000001' })
    ).rejects.toThrow(/Unable to create\/update fields: UserId/);
  });

  it('AuthSession is deleted by id; LoginHistory is seedable and query only, filtered by time', async () => {
    const session = seedSession(sim.state, USER);
    await connection.sobject('AuthSession').destroy(String(session.Id));
    expect(rows(sim.state, 'AuthSession')).toEqual([]);
    seedLogin(sim.state, USER, { LoginTime: '2026-11-01T10:00:00.000+0000', SourceIp: '203.0.113.9' });
    seedLogin(sim.state, USER, {
      LoginTime: '2026-11-20T10:00:00.000+0000',
      SourceIp: '198.51.100.7',
      Status: 'Failed: IP restricted',
    });
    const recent = await connection.query(
      `SELECT LoginTime, SourceIp, Status FROM LoginHistory WHERE UserId = '${userId()}' AND LoginTime >= 2026-11-10T00:00:00Z`
    );
    expect(recent.records).toEqual([
      expect.objectContaining({ SourceIp: '198.51.100.7', Status: 'Failed: IP restricted' }),
    ]);
    await expect(
      connection.sobject('LoginHistory').destroy(String(rows(sim.state, 'LoginHistory')[0]?.Id))
    ).rejects.toThrow("HTTP Method 'DELETE' not allowed. Allowed are HEAD,GET");
  });

  it('a user is deactivated, never deleted, and frees its licence seat', async () => {
    const licence = (): number =>
      Number(rows(sim.state, 'UserLicense').find((l) => l.Name === 'Salesforce')?.UsedLicenses);
    const seats = licence();
    await connection.sobject('User').update({ Id: userId(), IsActive: false });
    expect(licence()).toBe(seats - 1);
    await expect(connection.sobject('User').destroy(userId())).rejects.toThrow(
      "HTTP Method 'DELETE' not allowed. Allowed are HEAD,GET,PATCH"
    );
  });

  it('deletes through destructiveChangesPost.xml, and refuses a permission set still assigned or a component the org lacks', async () => {
    expect(
      (
        await deploySource(sim, {
          'permissionsets/Vendor_Set.permissionset-meta.xml': permissionSet('Vendor Set', ['ApiEnabled']),
          'permissionsets/Other_Set.permissionset-meta.xml': permissionSet('Other Set', ['ApiEnabled']),
        })
      ).response.status
    ).toBe('Succeeded');
    const set = rows(sim.state, 'PermissionSet').find((p) => p.Name === 'Vendor_Set');
    rows(sim.state, 'PermissionSetAssignment').push({
      Id: newId('0Pa'),
      AssigneeId: userId(),
      PermissionSetId: String(set?.Id),
    });
    const refused = await destroy(sim, [['PermissionSet', 'Vendor_Set']]);
    expect(failures(refused)).toEqual([
      "PermissionSet:Vendor_Set: This permission set is assigned to 1 user(s) and can't be deleted. Remove the assignments first.",
    ]);
    expect(sim.state.components.has('PermissionSet:Vendor_Set')).toBe(true);
    expect(failures(await destroy(sim, [['PermissionSet', 'Never_There']]))).toEqual([
      'PermissionSet:Never_There: No PermissionSet named: Never_There found',
    ]);
    sim.state.records.set(
      'PermissionSetAssignment',
      rows(sim.state, 'PermissionSetAssignment').filter((a) => a.PermissionSetId !== set?.Id)
    );
    expect((await destroy(sim, [['PermissionSet', 'Vendor_Set']])).response.status).toBe('Succeeded');
    expect(sim.state.components.has('PermissionSet:Vendor_Set')).toBe(false);
    expect(sim.state.components.has('PermissionSet:Other_Set')).toBe(true);
  });

  it('refuses to delete an External Client App whose settings stay behind', async () => {
    const app = xml(
      'ExternalClientApplication',
      '    <contactEmail>a@example.com</contactEmail>\n    <distributionState>Local</distributionState>\n    <label>App</label>\n'
    );
    const policy = xml(
      'ExtlClntAppConfigurablePolicies',
      '    <externalClientApplication>App</externalClientApplication>\n    <isEnabled>true</isEnabled>\n    <isOauthPluginEnabled>true</isOauthPluginEnabled>\n    <label>App Policies</label>\n'
    );
    expect(
      (
        await deploySource(sim, {
          'externalClientApps/App.eca-meta.xml': app,
          'extlClntAppPolicies/App_plcy.ecaPlcy-meta.xml': policy,
        })
      ).response.status
    ).toBe('Succeeded');
    expect(failures(await destroy(sim, [['ExternalClientApplication', 'App']]))[0]).toBe(
      'ExternalClientApplication:App: Cannot delete App: it still has ExtlClntAppOauthConfigurablePolicies App_oauth_defaultPolicy, ExtlClntAppConfigurablePolicies App_plcy'
    );
    expect(sim.state.components.has('ExternalClientApplication:App')).toBe(true);
    const all: Array<[string, string]> = [
      ['ExternalClientApplication', 'App'],
      ['ExtlClntAppConfigurablePolicies', 'App_plcy'],
      ['ExtlClntAppOauthConfigurablePolicies', 'App_oauth_defaultPolicy'],
    ];
    expect((await destroy(sim, all)).response.status).toBe('Succeeded');
    expect([...sim.state.components.values()].filter((c) => c.type !== 'Settings')).toEqual([]);
    expect(sim.state.consumerKeys.has('App')).toBe(false);
  });
});
