import type { Connection } from '@salesforce/core';
import { useSimulators } from './useSimulators';
import { OrgSimulator, resetUsernameRegistry } from './index';

const DUPLICATE = [
  {
    message:
      "Duplicate Username.<br>The username already exists in this or another Salesforce organization. Usernames must be unique across all Salesforce organizations. To resolve, use a different username (it doesn't need to match the user's email address). ",
    errorCode: 'DUPLICATE_USERNAME',
    fields: ['Username'],
  },
];

/** Salesforce usernames are unique across all orgs: every org this process simulates shares one registry. */
describe('org simulator: usernames across orgs', () => {
  const start = useSimulators();

  const integrationUser = async (connection: Connection, username: string): Promise<Record<string, unknown>> => {
    const profile = (
      await connection.query<{ Id: string }>(
        "SELECT Id FROM Profile WHERE Name = 'Minimum Access - API Only Integrations'"
      )
    ).records[0]?.Id;
    return {
      Username: username,
      LastName: 'Vendor',
      Email: 'vendor@example.com',
      Alias: 'vendor',
      TimeZoneSidKey: 'GMT',
      LocaleSidKey: 'en_US',
      EmailEncodingKey: 'UTF-8',
      LanguageLocaleKey: 'en_US',
      ProfileId: profile,
    };
  };
  const post = (sim: OrgSimulator, body: Record<string, unknown>): Promise<Response> =>
    fetch(`${sim.instanceUrl}/services/data/v64.0/sobjects/User`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('answers DUPLICATE_USERNAME in a second org for a username the first holds, whatever its case', async () => {
    const uat = await start();
    const qa = await start();
    expect(
      (
        await uat.connection
          .sobject('User')
          .create(await integrationUser(uat.connection, 'reco.integration@acme.example.com'))
      ).success
    ).toBe(true);
    const response = await post(qa.sim, await integrationUser(qa.connection, 'Reco.Integration@ACME.example.com'));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(DUPLICATE);
    expect(qa.sim.state.records.get('User')?.map((u) => u.Username)).not.toContain('Reco.Integration@ACME.example.com');
    expect(
      (
        await qa.connection
          .sobject('User')
          .create(await integrationUser(qa.connection, 'reco.integration.qa@acme.example.com'))
      ).success
    ).toBe(true);
  });

  it('refuses a username seeded in another running org, and frees an org’s usernames when it stops', async () => {
    const first = await start({ seed: { users: [{ Username: 'ispm@acme.example.com', profile: 'Standard User' }] } });
    await expect(
      start({ seed: { users: [{ Username: 'ISPM@acme.example.com', profile: 'Standard User' }] } })
    ).rejects.toThrow(
      'org simulator seed: username(s) ISPM@acme.example.com already exist in another simulated org; Salesforce usernames are unique across all orgs'
    );
    await first.sim.stop();
    const second = await start();
    expect(
      (
        await second.connection
          .sobject('User')
          .create(await integrationUser(second.connection, 'ispm@acme.example.com'))
      ).success
    ).toBe(true);
  });

  it('refuses a rename to a username another org holds', async () => {
    const a = await start({ seed: { users: [{ Username: 'taken@acme.example.com', profile: 'Standard User' }] } });
    const b = await start();
    const { id } = await b.connection
      .sobject('User')
      .create(await integrationUser(b.connection, 'free@acme.example.com'));
    const response = await fetch(`${b.sim.instanceUrl}/services/data/v64.0/sobjects/User/${id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${b.sim.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ Username: 'TAKEN@acme.example.com' }),
    });
    expect([response.status, await response.json()]).toEqual([400, DUPLICATE]);
    expect(b.sim.state.records.get('User')?.find((u) => u.Id === id)?.Username).toBe('free@acme.example.com');
    expect(a.sim.state.records.get('User')?.some((u) => u.Username === 'taken@acme.example.com')).toBe(true);
  });

  it('forgets every org’s usernames on resetUsernameRegistry', async () => {
    await start({ seed: { users: [{ Username: 'ispm@acme.example.com', profile: 'Standard User' }] } });
    resetUsernameRegistry();
    const other = await start();
    expect(
      (await other.connection.sobject('User').create(await integrationUser(other.connection, 'ispm@acme.example.com')))
        .success
    ).toBe(true);
  });
});
