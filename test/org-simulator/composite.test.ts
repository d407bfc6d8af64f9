import { OrgSimulator, startOrgSimulator } from './index';

/** The composite resource as Salesforce documents it: shape, order, references, limits, allOrNone. */
describe('simulator: /composite', () => {
  let sim: OrgSimulator;
  beforeEach(async () => {
    sim = await startOrgSimulator({ shape: 'enterprise' });
  });
  afterEach(async () => sim.stop());

  const post = async (path: string, body: unknown): Promise<{ status: number; json: unknown }> => {
    const res = await fetch(`${sim.instanceUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  };
  type Answer = {
    compositeResponse: Array<{
      body: unknown;
      httpHeaders: Record<string, string>;
      httpStatusCode: number;
      referenceId: string;
    }>;
  };

  it('answers every subrequest in order, in one round trip, with Salesforce’s result shape', async () => {
    const { status, json } = await post('/services/data/v64.0/composite', {
      allOrNone: false,
      compositeRequest: [
        {
          method: 'GET',
          url: '/services/data/v64.0/query?q=' + encodeURIComponent('SELECT Id, Name FROM UserLicense'),
          referenceId: 'licences',
        },
        { method: 'GET', url: '/services/data/v64.0/sobjects/PermissionSet/describe', referenceId: 'describe' },
        {
          method: 'GET',
          url: '/services/data/v64.0/query?q=' + encodeURIComponent('SELECT Nope FROM UserLicense'),
          referenceId: 'bad',
        },
      ],
    });
    expect(status).toBe(200);
    const answer = json as Answer;
    expect(answer.compositeResponse.map((r) => [r.referenceId, r.httpStatusCode])).toEqual([
      ['licences', 200],
      ['describe', 200],
      ['bad', 400],
    ]);
    expect((answer.compositeResponse[0]?.body as { records: unknown[] }).records.length).toBeGreaterThan(0);
    expect(answer.compositeResponse[0]?.httpHeaders).toEqual({});
    expect(sim.requestCounts()).toEqual({ total: 1, byKind: { 'POST composite': 1 } });
  });

  it('fills @{reference.path} from an earlier answer, and with allOrNone rolls back every change on a failure', async () => {
    const users = (sim.state.records.get('User') ?? []).length;
    const profileId = String(sim.state.records.get('Profile')?.[0]?.Id);
    const { json } = await post('/services/data/v64.0/composite', {
      allOrNone: true,
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v64.0/sobjects/User',
          referenceId: 'user',
          body: {
            Username: 'a@example.com.x',
            Email: 'a@example.com',
            LastName: 'A',
            Alias: 'a',
            ProfileId: profileId,
            TimeZoneSidKey: 'GMT',
            LocaleSidKey: 'en_US',
            EmailEncodingKey: 'UTF-8',
            LanguageLocaleKey: 'en_US',
          },
        },
        { method: 'GET', url: '/services/data/v64.0/sobjects/User/@{user.id}', referenceId: 'read' },
        {
          method: 'GET',
          url: '/services/data/v64.0/query?q=' + encodeURIComponent('SELECT Nope FROM User'),
          referenceId: 'bad',
        },
      ],
    });
    const answer = (json as Answer).compositeResponse;
    expect(answer.map((r) => r.httpStatusCode)).toEqual([400, 400, 400]);
    expect(answer[0]?.body).toEqual([
      {
        errorCode: 'PROCESSING_HALTED',
        message: 'The transaction was rolled back since another operation in the same transaction failed.',
      },
    ]);
    expect((sim.state.records.get('User') ?? []).length).toBe(users);
  });

  it('refuses more than 25 subrequests or more than 5 queries, and tooling subrequests outside /tooling/composite', async () => {
    const query = {
      method: 'GET',
      url: '/services/data/v64.0/query?q=' + encodeURIComponent('SELECT Id FROM UserLicense'),
    };
    expect(
      (
        await post('/services/data/v64.0/composite', {
          compositeRequest: Array.from({ length: 6 }, (_, i) => ({ ...query, referenceId: `q${i}` })),
        })
      ).status
    ).toBe(400);
    const describe = { method: 'GET', url: '/services/data/v64.0/sobjects/PermissionSet/describe' };
    expect(
      (
        await post('/services/data/v64.0/composite', {
          compositeRequest: Array.from({ length: 26 }, (_, i) => ({ ...describe, referenceId: `d${i}` })),
        })
      ).status
    ).toBe(400);
    const tooling = {
      method: 'GET',
      url:
        '/services/data/v64.0/tooling/query?q=' +
        encodeURIComponent("SELECT Permission FROM PermissionDependency WHERE Permission IN ('ViewSetup')"),
      referenceId: 't',
    };
    expect(
      ((await post('/services/data/v64.0/composite', { compositeRequest: [tooling] })).json as Answer)
        .compositeResponse[0]?.httpStatusCode
    ).toBe(400);
    expect(
      ((await post('/services/data/v64.0/tooling/composite', { compositeRequest: [tooling] })).json as Answer)
        .compositeResponse[0]?.httpStatusCode
    ).toBe(200);
  });

  it('answers a semi-join (Id IN (SELECT … FROM …)) with the inner query’s values', async () => {
    const admin = String(sim.state.records.get('User')?.[0]?.Id);
    const assigned = new Set(
      (sim.state.records.get('PermissionSetAssignment') ?? [])
        .filter((r) => r.AssigneeId === admin)
        .map((r) => r.PermissionSetId)
    );
    const soql = `SELECT Id FROM PermissionSet WHERE Id IN (SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = '${admin}')`;
    const res = await fetch(`${sim.instanceUrl}/services/data/v64.0/query?q=${encodeURIComponent(soql)}`, {
      headers: { authorization: `Bearer ${sim.accessToken}` },
    });
    const ids = ((await res.json()) as { records: Array<{ Id: string }> }).records.map((r) => r.Id);
    expect(assigned.size).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(assigned);
  });
});
