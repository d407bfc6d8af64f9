import { run, useSimulatedOrg } from '../helpers/simulatedOrg';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';

/**
 * Round trips per org, pinned (issue 14): each one costs 100–300 ms against a real org, so a change
 * that adds one must change this test on purpose. Counts are requests the simulated org received.
 */
describe('round trips to one org', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));
  const VALUES = ['--values', 'config/orgs/example.json'];

  it('deploy of both vendors to a fresh org: at most 12 (issue 14)', async () => {
    sim().requests.length = 0;
    expect((await run('deploy', '-o', 'prod', ...VALUES)).code).toBe(0);
    // A composite call the org rolled back is a failure, however the fallback then ends.
    expect(sim().requests.filter((r) => r.rolledBack)).toEqual([]);
    expect(sim().requestCounts()).toEqual({
      total: 12,
      byKind: {
        // The org's facts: two composite calls and one Tooling composite call.
        'POST tooling/composite': 1,
        // One retrieve before the deploy (the settings the analysis reads and every component compared), the consumer key after it.
        retrieve: 2,
        checkRetrieveStatus: 2,
        listMetadata: 1,
        deploy: 1,
        checkDeployStatus: 2,
        // Two for the facts, one for every user and assignment.
        'POST composite': 3,
      },
    });
  });

  it('plan, and verify after the deploy', async () => {
    expect((await run('deploy', '-o', 'prod', ...VALUES)).code).toBe(0);
    sim().requests.length = 0;
    expect((await run('plan', '-o', 'prod', ...VALUES)).code).toBe(0);
    const plan = sim().requestCounts().total;
    sim().requests.length = 0;
    expect((await run('verify', '-o', 'prod', ...VALUES)).code).toBe(0);
    expect({ plan, verify: sim().requestCounts().total }).toEqual({ plan: 6, verify: 6 });
  });
});
