import { useSimulators } from './useSimulators';
import { createOrgState } from './orgState';

const ORGANIZATION = 'SELECT Id, Name, IsSandbox, InstanceName, OrganizationType FROM Organization';

/** A sandbox as the org says it is one: Organization.IsSandbox, and users copied with `.<sandbox name>`. */
describe('org simulator: sandboxes', () => {
  const start = useSimulators();

  it('answers Organization in a production org: not a sandbox, its edition', async () => {
    const { sim, connection } = await start({ shape: 'enterprise-shield' });
    const org = (await connection.query(ORGANIZATION)).records[0];
    expect(org).toMatchObject({
      Id: sim.orgId,
      Name: 'Simulated Org',
      IsSandbox: false,
      InstanceName: 'SIM1',
      OrganizationType: 'Enterprise Edition',
    });
    expect(sim.myDomainUrl).toBe('https://simulated-org.my.salesforce.com');
  });

  it('serves the enterprise-sandbox shape: IsSandbox, copied users with the suffix and .invalid emails', async () => {
    const production = await start({
      seed: {
        users: [
          {
            Username: 'reco.integration@acme.example.com',
            Email: 'secops@acme.example.com',
            profile: 'Minimum Access - API Only Integrations',
          },
        ],
      },
    });
    const { sim, connection } = await start({
      shape: 'enterprise-sandbox',
      seed: {
        productionUsers: [
          {
            Username: 'reco.integration@acme.example.com',
            Email: 'secops@acme.example.com',
            profile: 'Minimum Access - API Only Integrations',
          },
        ],
      },
    });
    expect((await connection.query(ORGANIZATION)).records[0]).toMatchObject({
      IsSandbox: true,
      OrganizationType: 'Enterprise Edition',
    });
    const copied = (
      await connection.query<{ Username: string; Email: string }>(
        "SELECT Username, Email FROM User WHERE Username = 'reco.integration@acme.example.com.uat'"
      )
    ).records;
    expect(copied.map((u) => [u.Username, u.Email])).toEqual([
      ['reco.integration@acme.example.com.uat', 'secops@acme.example.com.invalid'],
    ]);
    expect(
      (await connection.query("SELECT Id FROM User WHERE Username = 'reco.integration@acme.example.com'")).totalSize
    ).toBe(0);
    expect(sim.username).toMatch(/@sim\.example\.com\.uat$/);
    expect(sim.myDomainUrl).toBe('https://simulated-org--uat.sandbox.my.salesforce.com');
    expect(production.sim.state.records.get('User')?.map((u) => u.Username)).toContain(
      'reco.integration@acme.example.com'
    );
  });

  it('makes any shape a sandbox with the sandbox option', async () => {
    const { connection } = await start({
      shape: 'enterprise-shield',
      sandbox: { name: 'qa' },
      seed: { productionUsers: [{ Username: 'ispm@acme.example.com', profile: 'Standard User' }] },
    });
    expect((await connection.query(ORGANIZATION)).records[0]).toMatchObject({ IsSandbox: true });
    expect((await connection.query("SELECT Id FROM User WHERE Username = 'ispm@acme.example.com.qa'")).totalSize).toBe(
      1
    );
  });

  it('refuses copied users outside a sandbox, an invalid sandbox name and a seed naming a profile the org lacks', () => {
    expect(() =>
      createOrgState('enterprise', { productionUsers: [{ Username: 'a@acme.example.com', profile: 'Standard User' }] })
    ).toThrow('org simulator seed: productionUsers are copies into a sandbox');
    expect(() =>
      createOrgState({ ...createOrgState('enterprise').shape, sandbox: { name: 'user-acceptance' } })
    ).toThrow("org simulator: sandbox name 'user-acceptance' must be 1-10 letters or digits, starting with a letter");
    expect(() =>
      createOrgState('enterprise', { users: [{ Username: 'a@acme.example.com', profile: 'Integration' }] })
    ).toThrow("org simulator seed: user a@acme.example.com names profile 'Integration', which this org lacks");
  });
});
