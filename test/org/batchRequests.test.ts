import { batchRequests, rowsOf, valueOf } from '../../src/org/read/batchRequests';
import { OrgSimulator, startOrgSimulator } from '../org-simulator';
import { connectToSimulator } from '../org-simulator/connect';

describe('batchRequests', () => {
  let sim: OrgSimulator;
  beforeEach(async () => {
    sim = await startOrgSimulator({ shape: 'enterprise-shield' });
  });
  afterEach(async () => sim.stop());

  it('serves the product’s batch of reads through jsforce as one round trip per API', async () => {
    const connection = await connectToSimulator(sim);
    sim.requests.length = 0;
    const results = await batchRequests(connection, [
      { get: 'sobjects/PermissionSet/describe' },
      { query: 'SELECT Id, Name FROM UserLicense' },
      {
        query: "SELECT Permission, RequiredPermission FROM PermissionDependency WHERE Permission IN ('ViewAllData')",
        tooling: true,
      },
      { query: 'SELECT Nope FROM UserLicense' },
    ]);
    expect(valueOf<{ fields: unknown[] }>(results[0]).fields.length).toBeGreaterThan(0);
    expect(rowsOf(results[1]).length).toBeGreaterThan(0);
    expect(rowsOf(results[2]).length).toBeGreaterThan(0);
    expect(() => rowsOf(results[3])).toThrow(expect.objectContaining({ name: 'INVALID_FIELD' }));
    expect(sim.requestCounts().byKind).toEqual({ 'POST composite': 1, 'POST tooling/composite': 1 });
  });

  it('splits reads into composite calls of at most 5 queries, keeping each answer with its read', async () => {
    const connection = await connectToSimulator(sim);
    sim.requests.length = 0;
    const names = [
      'Salesforce',
      'Salesforce Integration',
      'Nope',
      'Salesforce',
      'Salesforce Integration',
      'Nope',
      'Salesforce',
    ];
    const results = await batchRequests(
      connection,
      names.map((n) => ({ query: `SELECT Name FROM UserLicense WHERE Name = '${n}'` }))
    );
    expect(results.map((r) => rowsOf(r).map((row) => row.Name))).toEqual(names.map((n) => (n === 'Nope' ? [] : [n])));
    expect(sim.requestCounts().byKind).toEqual({ 'POST composite': 2 });
  });
});
