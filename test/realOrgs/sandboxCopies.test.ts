import { Lifecycle } from '@salesforce/core';
import { run } from '../helpers/simulatedOrg';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { OrgSimulator, OrgSimulatorOptions, startOrgSimulator } from '../org-simulator';
import { loginWithAlias } from '../org-simulator/connect';
import { rows } from '../org-simulator/orgState';
import { sandboxNames } from '../../src/org/read/readOrgFacts';

// Issue 19 item 3: a copied username gets `.<sandbox name>`; "if the appended name is not unique,
// some characters and digits are prepended" (Help, sandbox users and contacts; 00x7Vquser@acme.com.test).
const VALUES = ['--values', 'config/orgs/example.json'];
const RECO = 'reco.integration@example.com.vendoraccess';
const RECO_MAIL = 'reco-integration@example.com';
const API_ONLY = 'Minimum Access - API Only Integrations';

/** Simulated orgs logged in under their aliases, started in order, stopped after `body`. */
const withOrgs = async (
  orgs: Array<[string, OrgSimulatorOptions]>,
  body: (sims: Record<string, OrgSimulator>) => Promise<void>
): Promise<void> => {
  Lifecycle.getInstance().onWarning(async () => {});
  const sims: Record<string, OrgSimulator> = {};
  try {
    for (const [alias, options] of orgs) {
      sims[alias] = await startOrgSimulator(options);
      await loginWithAlias(sims[alias], alias);
    }
    await body(sims);
  } finally {
    for (const sim of Object.values(sims)) await sim.stop();
  }
};

/** Another sandbox that already holds `<username>.uat`, so uat's copy gets a prefix. */
const holder: [string, OrgSimulatorOptions] = [
  'other',
  { shape: 'enterprise', seed: { users: [{ Username: `${RECO}.uat`, profile: API_ONLY }] } },
];
const uat = (extra: OrgSimulatorOptions['seed'] = {}): [string, OrgSimulatorOptions] => [
  'uat',
  {
    shape: 'enterprise-sandbox',
    seed: { productionUsers: [{ Username: RECO, profile: API_ONLY, Email: RECO_MAIL }], ...extra },
  },
];
const recoUsers = (sim: OrgSimulator): string[] =>
  rows(sim.state, 'User')
    .map((u) => String(u.Username))
    .filter((u) => u.includes('reco.'));

describe('a sandbox whose copy of the integration user got a prefix', () => {
  useProjectCopyAsCwd();

  it('reuses it (its e-mail is the values file’s plus .invalid), says where the sandbox name came from, and hands off that username', async () => {
    await withOrgs([holder, uat()], async (sims) => {
      const [copy] = recoUsers(sims.uat as OrgSimulator);
      expect(copy).toMatch(new RegExp(`^00[A-Za-z0-9]{4}${RECO.replace(/\./g, '\\.')}\\.uat$`));
      const { code, out } = await run('deploy', '-o', 'uat', ...VALUES, '--vendor', 'reco');
      expect(code).toBe(0);
      expect(out).toContain(
        `note: reco: ${copy} is the sandbox copy of ${RECO}; it is used as the integration user (sandbox name uat guessed from the end of the username ${
          (sims.uat as OrgSimulator).username
        }).`
      );
      expect(out).toContain(`give reco: Integration username (log in as it to connect Reco): ${copy}`);
      expect(recoUsers(sims.uat as OrgSimulator)).toEqual([copy]);
    });
  });

  it('refuses, naming both, when two prefixed copies carry the e-mail', async () => {
    const second = `00Ab12${RECO}.uat`;
    await withOrgs(
      [holder, uat({ users: [{ Username: second, profile: API_ONLY, Email: `${RECO_MAIL}.invalid` }] })],
      async (sims) => {
        const before = recoUsers(sims.uat as OrgSimulator);
        const { code, out } = await run('deploy', '-o', 'uat', ...VALUES, '--vendor', 'reco');
        expect(code).toBe(1);
        expect(out).toContain(`this sandbox holds more than one copy of ${RECO} with its e-mail (`);
        for (const name of before) expect(out).toContain(name);
        expect(recoUsers(sims.uat as OrgSimulator)).toEqual(before);
      }
    );
  });
});

describe('the kill switch in a sandbox whose copy got a prefix', () => {
  useProjectCopyAsCwd();
  const loginOf = (sim: OrgSimulator, username: string): Record<string, unknown> | undefined => {
    const user = rows(sim.state, 'User').find((u) => u.Username === username);
    return rows(sim.state, 'UserLogin').find((l) => l.UserId === user?.Id);
  };

  it('suspend freezes the prefixed copy deploy reuses (its e-mail is the values file’s), and says which', async () => {
    await withOrgs([holder, uat()], async (sims) => {
      const sim = sims.uat as OrgSimulator;
      const [copy] = recoUsers(sim);
      expect((await run('deploy', '-o', 'uat', ...VALUES, '--vendor', 'reco')).code).toBe(0);
      const { code, out } = await run('suspend', '-o', 'uat', ...VALUES, '--vendor', 'reco');
      expect(out).toContain(`reco: its integration user is ${copy ?? ''}, the sandbox copy of ${RECO}.`);
      expect(code).toBe(0);
      expect(loginOf(sim, copy ?? '')?.IsFrozen).toBe(true);
    });
  });

  it('suspend touches neither of two prefixed copies that carry the e-mail, names both, and fails', async () => {
    const second = `00Ab12${RECO}.uat`;
    await withOrgs(
      [holder, uat({ users: [{ Username: second, profile: API_ONLY, Email: `${RECO_MAIL}.invalid` }] })],
      async (sims) => {
        const sim = sims.uat as OrgSimulator;
        const copies = recoUsers(sim);
        const { code, out } = await run('suspend', '-o', 'uat', ...VALUES, '--vendor', 'reco');
        expect(code).toBe(1);
        expect(out).toContain(`this sandbox holds more than one copy of ${RECO} (`);
        for (const name of copies) {
          expect(out).toContain(name);
          expect(loginOf(sim, name)?.IsFrozen ?? false).toBe(false);
        }
      }
    );
  });
});

describe('the sandbox name read from a username', () => {
  it.each([
    ['admin@acme.de', []],
    ['admin@acme.co.uk', []],
    ['admin@acme.com.uat', ['uat']],
    ['admin@acme.co.uk.uat', ['uat']],
    ['admin@acme.com.qa', ['qa']],
    ['admin@acme.dev', []],
    ['admin@acme.com.dev', ['dev']],
    // An access token is no username: its end is never a sandbox name.
    ['00D000000000001!AQ.Do.Not.Use', []],
  ])('%s', (deployer, names) => {
    expect(sandboxNames('https://acme.my.salesforce.com', deployer)).toEqual(names);
  });

  it('the My Domain URL, when it names the sandbox, is the org’s own answer and wins', () => {
    expect(sandboxNames('https://acme--qa.sandbox.my.salesforce.com', 'admin@acme.com.uat')).toEqual(['qa']);
  });
});

describe('an access token into a sandbox', () => {
  useProjectCopyAsCwd();

  it('asks the token’s own user (userinfo) instead of reading the token, and finds the copy', async () => {
    await withOrgs([uat()], async (sims) => {
      const sim = sims.uat as OrgSimulator;
      process.env.SF_ORG_INSTANCE_URL = sim.instanceUrl;
      try {
        const { code, out } = await run('deploy', '-o', sim.accessToken, ...VALUES, '--vendor', 'reco');
        expect(code).toBe(0);
        expect(out).toContain(
          `note: reco: ${RECO}.uat is the sandbox copy of ${RECO}; it is used as the integration user (sandbox name uat guessed from the end of the username ${sim.username} (the access token's own user)).`
        );
        const asked = sim.requests.flatMap((r) => [r.soql ?? '', ...(r.subrequests ?? []).map((s) => s.soql ?? '')]);
        expect(asked.filter((q) => q.includes('FROM User ')).join(' ')).not.toContain('!');
      } finally {
        delete process.env.SF_ORG_INSTANCE_URL;
      }
    });
  });
});
