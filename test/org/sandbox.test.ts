import { Lifecycle } from '@salesforce/core';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { run, useSimulatedOrg } from '../helpers/simulatedOrg';
import { startOrgSimulator } from '../org-simulator';
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
      `note: reco: ${RECO}.uat is the sandbox copy of ${RECO}; it is used as the integration user.`
    );
    expect(out).toContain(`user ${RECO}.uat: exists`);
    expect(out).toContain(`give reco: Integration username (log in as it to connect Reco): ${RECO}.uat`);
    const users = (sim().state.records.get('User') ?? []).map((u) => String(u.Username));
    expect(users.filter((u) => u.startsWith('reco.'))).toEqual([`${RECO}.uat`]);
    // The ISPM user was not copied: created under the values file's name.
    expect(users).toContain(ISPM);
  });
});

describe('one values file for two orgs', () => {
  useProjectCopyAsCwd();

  it('names the values field when the second org refuses a username the first one took', async () => {
    Lifecycle.getInstance().onWarning(async () => {});
    const a = await startOrgSimulator({ shape: 'enterprise-shield' });
    const b = await startOrgSimulator({ shape: 'enterprise-shield' });
    try {
      await loginWithAlias(a, 'a');
      await loginWithAlias(b, 'b');
      const { code, out } = await run('deploy', '-o', 'a', '-o', 'b', ...VALUES, '--concurrency', '1');
      expect(code).toBe(68);
      expect(out).toMatch(/a \(.*\): SUCCEEDED/);
      expect(out).toMatch(/b \(.*\): INCOMPLETE/);
      expect(out).toContain(`The username ${ISPM} is taken: Salesforce usernames are unique across all orgs`);
      expect(out).toContain(
        'Set another username in config/orgs/example.json, field vendors.ispm.integrationUsername.'
      );
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
