import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { setJson } from '../helpers/projectCopy';
import { calls, run, snapshot, useSimulatedOrg, writes } from '../helpers/simulatedOrg';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import type { OrgSimulator } from '../org-simulator';
import { seedOauthToken, seedSession } from '../org-simulator/lifecycle';
import { rows } from '../org-simulator/orgState';

const VALUES = ['--values', 'config/orgs/example.json'];
const ISPM_USER = 'ispm.integration@example.com.vendoraccess';
const RECO_USER = 'reco.integration@example.com.vendoraccess';
const TYPO = 'reco.integraton@example.com.vendoraccess';
const ADMIN_FROZEN = 'frozen.by.admin@example.com';

const loginOf = (sim: OrgSimulator, username: string): Record<string, unknown> | undefined => {
  const user = rows(sim.state, 'User').find((u) => u.Username === username);
  return rows(sim.state, 'UserLogin').find((l) => l.UserId === user?.Id);
};
/** Requests that change the org: metadata deploys, record writes, token revokes. */
const changes = (sim: OrgSimulator, from = 0): string[] => [
  ...calls(sim)
    .slice(from)
    .filter((c) => c === 'deploy' || c.includes('revoke')),
  ...writes({ ...sim, requests: sim.requests.slice(from) } as OrgSimulator),
];

describe('the kill switch never reports success when it found nothing to cut', () => {
  const project = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({
    shape: 'enterprise-shield',
    seed: { users: [{ Username: ADMIN_FROZEN, profile: 'Standard User' }] },
  }));
  const onboard = async (): Promise<void> => {
    expect((await run('deploy', '-o', 'prod', ...VALUES)).code).toBe(0);
    seedOauthToken(sim().state, RECO_USER, { AppName: 'Reco Introspection for Salesforce' });
    seedSession(sim().state, RECO_USER);
  };
  const typo = (): void => setJson(project(), 'config/orgs/example.json', 'vendors.reco.integrationUsername', TYPO);

  it('suspend of a username the org does not hold fails (exit 1), names what it looked for, the candidates and the fix, and changes nothing', async () => {
    await onboard();
    typo();
    const before = snapshot(sim());
    const from = sim().requests.length;
    const { code, out } = await run('suspend', '-o', 'prod', '--vendor', 'reco', ...VALUES);
    expect(code).toBe(1);
    expect(out).toContain('suspend FAILED');
    expect(out).not.toContain('SUCCEEDED');
    expect(out).toContain(`[FAILED] reco: freeze user ${TYPO}`);
    expect(out).toContain(`no user ${TYPO} in this org, so nothing of it could be cut off.`);
    expect(out).toContain(`Users holding reco's permission sets (listed, not touched): ${RECO_USER}.`);
    expect(out).toContain(
      'Correct vendors.reco.integrationUsername in config/orgs/example.json, or name the integration user with --username <username> --vendor reco.'
    );
    expect(loginOf(sim(), RECO_USER)?.IsFrozen).toBe(false);
    expect(changes(sim(), from)).toEqual([]);
    expect(snapshot(sim())).toBe(before);
  });

  it('a dry run that finds no such user fails too (exit 1)', async () => {
    await onboard();
    typo();
    const { code, out } = await run('suspend', '-o', 'prod', '--vendor', 'reco', ...VALUES, '--dry-run');
    expect(code).toBe(1);
    expect(out).toContain('suspend FAILED (dry run: nothing changed)');
  });

  it('--username points it at the right user; resume needs the same --username, and then undoes it', async () => {
    await onboard();
    typo();
    const { code, out } = await run('suspend', '-o', 'prod', '--vendor', 'reco', ...VALUES, '--username', RECO_USER);
    expect(code).toBe(0);
    expect(out).toContain(`note: reco: its integration user is ${RECO_USER}, named by --username.`);
    expect(loginOf(sim(), RECO_USER)?.IsFrozen).toBe(true);
    expect(rows(sim().state, 'OauthToken')).toEqual([]);
    const from = sim().requests.length;
    const without = await run('resume', '-o', 'prod', '--vendor', 'reco', ...VALUES);
    expect(without.code).toBe(1);
    expect(without.out).toContain('Error (RecordNotVendorsError): resume refused for reco');
    expect(without.out).toContain(`but reco's integration user ${TYPO} is not in this org`);
    expect(changes(sim(), from)).toEqual([]);
    expect(loginOf(sim(), RECO_USER)?.IsFrozen).toBe(true);
    const resumed = await run('resume', '-o', 'prod', '--vendor', 'reco', ...VALUES, '--username', RECO_USER);
    expect(resumed.code).toBe(0);
    expect(loginOf(sim(), RECO_USER)?.IsFrozen).toBe(false);
  });

  it('refuses --username with more than one vendor, before any org is contacted', async () => {
    const from = sim().requests.length;
    const { code, out } = await run('suspend', '-o', 'prod', ...VALUES, '--username', RECO_USER);
    expect(code).toBe(1);
    expect(out).toContain(
      'Error (UsernameFlagNeedsOneVendorError): --username names the integration user of one vendor'
    );
    expect(sim().requests.slice(from)).toEqual([]);
  });

  it('activity of a username the org does not hold says what it looked for and who holds the permission sets', async () => {
    await onboard();
    typo();
    const { out } = await run('activity', '-o', 'prod', '--vendor', 'reco', ...VALUES);
    expect(out).toContain(`no user ${TYPO} in this org`);
    expect(out).toContain(`(listed, not touched): ${RECO_USER}.`);
  });

  it('offboard of a username the org does not hold fails and deactivates nobody', async () => {
    await onboard();
    typo();
    const { code, out } = await run('offboard', '-o', 'prod', '--vendor', 'reco', ...VALUES);
    expect(code).not.toBe(0);
    expect(out).toContain(`[FAILED] reco: deactivate user ${TYPO}`);
    expect(rows(sim().state, 'User').find((u) => u.Username === RECO_USER)?.IsActive).toBe(true);
  });
});

describe('resume acts only on records that belong to the vendor, checked in the org', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({
    shape: 'enterprise-shield',
    seed: { users: [{ Username: ADMIN_FROZEN, profile: 'Standard User' }] },
  }));
  const suspendIspm = async (): Promise<string> => {
    expect((await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm')).code).toBe(0);
    const { code, out } = await run('suspend', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(code).toBe(0);
    return /record: (out\/lifecycle\/\S+\.json)/.exec(out)?.[1] as string;
  };

  it('refuses a record edited to unfreeze another user (one an admin froze), and changes nothing', async () => {
    const record = await suspendIspm();
    const adminFrozen = loginOf(sim(), ADMIN_FROZEN) as Record<string, unknown>;
    adminFrozen.IsFrozen = true;
    setJson('.', record, 'reversals.0.froze.userLoginId', adminFrozen.Id);
    const before = snapshot(sim());
    const from = sim().requests.length;
    const { code, out } = await run('resume', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(code).toBe(1);
    expect(out).toContain('Error (RecordNotVendorsError): resume refused for ispm');
    expect(out).toContain(`the record ${record} does not match the org`);
    expect(out).toContain(
      `froze.userLoginId ${String(
        adminFrozen.Id
      )} is the UserLogin of ${ADMIN_FROZEN}, not of ispm's integration user ${ISPM_USER}`
    );
    expect(loginOf(sim(), ADMIN_FROZEN)?.IsFrozen).toBe(true);
    expect(loginOf(sim(), ISPM_USER)?.IsFrozen).toBe(true);
    expect(changes(sim(), from)).toEqual([]);
    expect(snapshot(sim())).toBe(before);
  });

  it('refuses a record edited to enable another app', async () => {
    const record = await suspendIspm();
    setJson('.', record, 'reversals.0.disabled.app', 'Someone_Elses_App');
    const from = sim().requests.length;
    const { code, out } = await run('resume', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(code).toBe(1);
    expect(out).toContain("it would enable the app Someone_Elses_App, not ispm's (ISPM_SFDC_Integration)");
    expect(changes(sim(), from)).toEqual([]);
  });

  it.each([
    ['not JSON', '{"command": "suspend", ', 'it is not JSON'],
    ['not a record', '{"command": "suspend"}', 'at is not a date and time'],
    ['a froze.userLoginId that is no id', null, 'reversals[0].froze needs a userLoginId'],
  ])(
    'a record that is %s is named with its file; suspend runs anyway, resume refuses and changes nothing',
    async (_what, text, reason) => {
      const record = await suspendIspm();
      if (text === null) setJson('.', record, 'reversals.0.froze.userLoginId', "x' OR Id != '");
      else fs.writeFileSync(record, text);
      const from = sim().requests.length;
      const resumed = await run('resume', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
      expect(resumed.code).toBe(1);
      expect(resumed.out).toContain('Error (RecordUnreadableError): resume cannot trust the records of prod');
      expect(resumed.out).toContain(`${record}: ${reason}`);
      expect(resumed.out).not.toMatch(/SyntaxError|Unexpected token|at JSON\.parse/);
      expect(changes(sim(), from)).toEqual([]);
      expect(loginOf(sim(), ISPM_USER)?.IsFrozen).toBe(true);
      const again = await run('suspend', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
      expect(again.code).toBe(0);
      expect(again.out).toContain(`note: ${record} was set aside: ${reason}`);
    }
  );

  it('a FIFO named like a record never hangs suspend: it is set aside and named', async () => {
    const record = await suspendIspm();
    const fifo = record.replace(/-suspend-/, '-suspend-0000-');
    execFileSync('mkfifo', [fifo]);
    const again = await run('suspend', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`note: ${fifo} was set aside: it cannot be read (`);
  });
});

describe('in a sandbox, the kill switch finds the copy of the production user deploy would reuse', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('uat', () => ({
    shape: 'enterprise-sandbox',
    seed: { productionUsers: [{ Username: RECO_USER, profile: 'Minimum Access - API Only Integrations' }] },
  }));

  it('freezes <username>.<sandbox>, says so, and resume undoes it', async () => {
    expect((await run('deploy', '-o', 'uat', ...VALUES, '--vendor', 'reco')).code).toBe(0);
    const copy = `${RECO_USER}.uat`;
    seedSession(sim().state, copy);
    const { code, out } = await run('suspend', '-o', 'uat', '--vendor', 'reco', ...VALUES);
    expect(code).toBe(0);
    expect(out).toContain(`[done] reco: freeze user ${copy}`);
    expect(out).toContain(`note: reco: its integration user is ${copy}, the sandbox copy of ${RECO_USER}.`);
    expect(loginOf(sim(), copy)?.IsFrozen).toBe(true);
    expect((await run('resume', '-o', 'uat', '--vendor', 'reco', ...VALUES)).code).toBe(0);
    expect(loginOf(sim(), copy)?.IsFrozen).toBe(false);
  });
});
