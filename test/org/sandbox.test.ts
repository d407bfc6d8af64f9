import { Lifecycle } from '@salesforce/core';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { calls, run, snapshot, useSimulatedOrg, writes } from '../helpers/simulatedOrg';
import { OrgSimulator, OrgSimulatorOptions, startOrgSimulator } from '../org-simulator';
import { loginWithAlias } from '../org-simulator/connect';

const VALUES = ['--values', 'config/orgs/example.json'];
const ISPM = 'ispm.integration@example.com.vendoraccess';
const RECO = 'reco.integration@example.com.vendoraccess';

describe('a sandbox refreshed from production', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('uat', () => ({
    shape: 'enterprise-sandbox',
    seed: { productionUsers: [{ Username: RECO, profile: 'Minimum Access - API Only Integrations' }] },
  }));

  it('finds the integration user copied from production (<username>.<sandbox>) and reuses it instead of creating one', async () => {
    const { code, out } = await run('deploy', '-o', 'uat', ...VALUES);
    expect(code).toBe(0);
    expect(out).toContain(
      `note: reco: ${RECO}.uat is the sandbox copy of ${RECO}; it is used as the integration user (sandbox name uat guessed from the end of the username ${
        sim().username
      }).`
    );
    expect(out).toContain(`user ${RECO}.uat: exists`);
    expect(out).toContain(`give reco: Integration username (log in as it to connect Reco): ${RECO}.uat`);
    const users = (sim().state.records.get('User') ?? []).map((u) => String(u.Username));
    expect(users.filter((u) => u.startsWith('reco.'))).toEqual([`${RECO}.uat`]);
    // The ISPM user was not copied: created under the values file's name.
    expect(users).toContain(ISPM);
  });
});

/** Two simulated orgs logged in under their aliases for the length of `body`, stopped after it. */
const withOrgs = async (
  orgs: Record<string, OrgSimulatorOptions>,
  body: (sims: Record<string, OrgSimulator>) => Promise<void>
): Promise<void> => {
  Lifecycle.getInstance().onWarning(async () => {});
  const sims: Record<string, OrgSimulator> = {};
  try {
    for (const [alias, options] of Object.entries(orgs)) {
      sims[alias] = await startOrgSimulator(options);
      await loginWithAlias(sims[alias], alias);
    }
    await body(sims);
  } finally {
    for (const sim of Object.values(sims)) await sim.stop();
  }
};

describe('one values file for two orgs', () => {
  useProjectCopyAsCwd();
  const shield: OrgSimulatorOptions = { shape: 'enterprise-shield' };

  it('refuses before any deploy when one username would be created in two orgs of the run', async () => {
    await withOrgs({ a: shield, b: shield }, async ({ a, b }) => {
      const orgs = [a, b] as OrgSimulator[];
      const before = orgs.map(snapshot);
      const { code, out } = await run('deploy', '-o', 'a', '-o', 'b', ...VALUES, '--concurrency', '1');
      expect(code).toBe(1);
      expect(out).toContain('UsernameInSeveralOrgsError');
      expect(out).toContain(`The username ${ISPM} would be created in 2 orgs of this run (a, b)`);
      expect(out).toContain('config/orgs/example.json, field vendors.ispm.integrationUsername');
      expect(orgs.map(snapshot)).toEqual(before);
      for (const sim of orgs) {
        expect(calls(sim).filter((c) => c === 'deploy')).toEqual([]);
        expect(writes(sim)).toEqual([]);
      }
    });
  });

  it('lets two sandboxes share a values file when each holds its copy of the production users', async () => {
    const seed = {
      productionUsers: [
        { Username: ISPM, profile: 'Standard User' },
        { Username: RECO, profile: 'Minimum Access - API Only Integrations' },
      ],
    };
    const sandbox = (name: string): OrgSimulatorOptions => ({ ...shield, sandbox: { name }, seed });
    await withOrgs({ qa: sandbox('qa'), dev: sandbox('dev') }, async () => {
      const { code, out } = await run('deploy', '-o', 'qa', '-o', 'dev', ...VALUES, '--concurrency', '1');
      expect(out).not.toContain('UsernameInSeveralOrgs');
      expect(code).toBe(0);
      expect(out).toContain(`user ${ISPM}.qa: exists`);
      expect(out).toContain(`user ${ISPM}.dev: exists`);
    });
  });

  it('names the values field when an org refuses a username another org took (one run after the other)', async () => {
    await withOrgs({ a: shield, b: shield }, async () => {
      expect((await run('deploy', '-o', 'a', ...VALUES)).code).toBe(0);
      const { code, out } = await run('deploy', '-o', 'b', ...VALUES);
      expect(code).toBe(1);
      expect(out).toMatch(/b \(.*\): INCOMPLETE/);
      expect(out).toContain(`The username ${ISPM} is taken: Salesforce usernames are unique across all orgs`);
      expect(out).toContain(
        'Set another username in config/orgs/example.json, field vendors.ispm.integrationUsername.'
      );
    });
  });
});
