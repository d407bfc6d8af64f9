import { run, useSimulatedOrg } from '../helpers/simulatedOrg';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { OrgSimulator, startOrgSimulator } from '../org-simulator';
import { rows } from '../org-simulator/orgState';

// Issue 19 item 2: collated subrequests run in no guaranteed order unless one references another
// (REST API Developer Guide, Composite, collateSubrequests; the default is true from API 49.0).
describe('a collating org runs independent subrequests out of the order sent', () => {
  let sim: OrgSimulator;
  beforeEach(async () => {
    sim = await startOrgSimulator({ shape: 'enterprise' });
  });
  afterEach(async () => sim.stop());

  /** A new user, its licence assignment, then a permission set that licence carries: linked only by order. */
  const provision = async (collate: boolean | undefined): Promise<Array<[string, number]>> => {
    const psl = rows(sim.state, 'PermissionSetLicense')[0] as { Id: string };
    rows(sim.state, 'PermissionSet').push({
      Id: '0PS000000000009AAA',
      Name: 'Licensed',
      Label: 'Licensed',
      LicenseId: psl.Id,
    });
    const profile = rows(sim.state, 'Profile').find((p) => p.Name === 'Minimum Access - Salesforce');
    const base = '/services/data/v64.0';
    const res = await fetch(`${sim.instanceUrl}${base}/composite`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        allOrNone: true,
        ...(collate === undefined ? {} : { collateSubrequests: collate }),
        compositeRequest: [
          {
            method: 'POST',
            url: `${base}/sobjects/User`,
            referenceId: 'user0',
            body: {
              Username: `order.${Date.now()}@example.com`,
              LastName: 'Order',
              Email: 'order@example.com',
              Alias: 'order',
              TimeZoneSidKey: 'GMT',
              LocaleSidKey: 'en_US',
              EmailEncodingKey: 'UTF-8',
              LanguageLocaleKey: 'en_US',
              ProfileId: profile?.Id,
            },
          },
          {
            method: 'POST',
            url: `${base}/sobjects/PermissionSetLicenseAssign`,
            referenceId: 'psl0',
            body: { AssigneeId: '@{user0.id}', PermissionSetLicenseId: psl.Id },
          },
          {
            method: 'POST',
            url: `${base}/sobjects/PermissionSetAssignment`,
            referenceId: 'ps0',
            body: { AssigneeId: '@{user0.id}', PermissionSetId: '0PS000000000009AAA' },
          },
        ],
      }),
    });
    const answer = (await res.json()) as { compositeResponse: Array<{ referenceId: string; httpStatusCode: number }> };
    return answer.compositeResponse.map((r) => [r.referenceId, r.httpStatusCode]);
  };

  it('collated (the default at API 64): the set may run before its licence, and allOrNone rolls it all back', async () => {
    expect(await provision(undefined)).toEqual([
      ['user0', 400],
      ['psl0', 400],
      ['ps0', 400],
    ]);
    expect(sim.requests.filter((r) => r.rolledBack)).toHaveLength(1);
    expect(rows(sim.state, 'PermissionSetLicenseAssign')).toEqual([]);
  });

  it('collateSubrequests false: "in the order in which they are received", and it holds', async () => {
    expect(await provision(false)).toEqual([
      ['user0', 201],
      ['psl0', 201],
      ['ps0', 201],
    ]);
    expect(sim.requests.filter((r) => r.rolledBack)).toEqual([]);
  });
});

describe('deploy provisions the users in one composite call the org keeps', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it('no call is rolled back, and no user is done one request at a time', async () => {
    expect((await run('deploy', '-o', 'prod', '--values', 'config/orgs/example.json')).code).toBe(0);
    expect(sim().requests.filter((r) => r.rolledBack)).toEqual([]);
    expect(sim().requests.filter((r) => r.method === 'POST' && r.path.endsWith('/sobjects/User'))).toEqual([]);
  });
});
