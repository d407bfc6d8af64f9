import fs from 'node:fs';
import { main } from '../../src/cli';
import { recordingIo } from '../../src/output/io';
import { calls, run, snapshot, useSimulatedOrg } from '../helpers/simulatedOrg';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { OrgSimulator, startOrgSimulator } from '../org-simulator';
import { loginWithAlias } from '../org-simulator/connect';
import { seedOauthToken, seedSession } from '../org-simulator/lifecycle';
import { rows } from '../org-simulator/orgState';

const VALUES = ['--values', 'config/orgs/example.json'];
const ISPM_USER = 'ispm.integration@example.com.vendoraccess';
const RECO_USER = 'reco.integration@example.com.vendoraccess';
const OTHER = 'someone.else@example.com';

const loginOf = (sim: OrgSimulator, username: string): Record<string, unknown> | undefined => {
  const user = rows(sim.state, 'User').find((u) => u.Username === username);
  return rows(sim.state, 'UserLogin').find((l) => l.UserId === user?.Id);
};
const policyXml = (sim: OrgSimulator): string =>
  sim.state.components.get('ExtlClntAppConfigurablePolicies:ISPM_SFDC_Integration_plcy')?.xml ?? '';

/** An onboarded org where both integration users and an unrelated user hold tokens and sessions. */
const onboard = async (sim: OrgSimulator): Promise<void> => {
  expect((await run('deploy', '-o', 'prod', ...VALUES)).code).toBe(0);
  for (const username of [ISPM_USER, RECO_USER, OTHER]) {
    seedOauthToken(sim.state, username, {
      AppName: username === RECO_USER ? 'Reco Introspection for Salesforce' : 'ISPM SFDC Integration',
    });
    seedSession(sim.state, username);
  }
  seedOauthToken(sim.state, ISPM_USER, { AppName: 'ISPM SFDC Integration', UseCount: 42 });
};

describe('suspend and resume', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({
    shape: 'enterprise-shield',
    seed: { users: [{ Username: OTHER, profile: 'Standard User' }] },
  }));

  it('dry run lists every change and changes nothing', async () => {
    await onboard(sim());
    const before = snapshot(sim());
    const { code, out } = await run('suspend', '-o', 'prod', '--vendor', 'ispm', ...VALUES, '--dry-run');
    expect(code).toBe(0);
    expect(out).toMatch(/prod \(admin\.\d+@sim\.example\.com, 00D\d+\): suspend PLANNED \(dry run: nothing changed\)/);
    expect(out).toContain(`[would] ispm: freeze user ${ISPM_USER} (UserLogin.IsFrozen = true)`);
    expect(out).toContain(
      '[would] ispm: disable External Client App ISPM_SFDC_Integration (ISPM_SFDC_Integration_plcy.isEnabled = false)'
    );
    expect(out.match(/\[would\] ispm: revoke OAuth token of ISPM SFDC Integration/g)).toHaveLength(2);
    expect(out).toMatch(/\[would\] ispm: end session 0Ak\w+/);
    expect(snapshot(sim())).toBe(before);
    expect(
      calls(sim()).filter(
        (c) => c === 'deploy' || c.startsWith('PATCH') || c.startsWith('DELETE') || c.includes('revoke')
      )
    ).toEqual(['deploy']);
  });

  it('freezes the user, disables the app, revokes its tokens and ends its sessions; nothing else', async () => {
    await onboard(sim());
    const { code, out } = await run('suspend', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(code).toBe(0);
    expect(out).toMatch(/suspend SUCCEEDED/);
    expect(loginOf(sim(), ISPM_USER)?.IsFrozen).toBe(true);
    expect(loginOf(sim(), RECO_USER)?.IsFrozen).toBe(false);
    expect(loginOf(sim(), OTHER)?.IsFrozen).toBe(false);
    expect(policyXml(sim())).toContain('<isEnabled>false</isEnabled>');
    expect(policyXml(sim())).toContain('<isOauthPluginEnabled>true</isOauthPluginEnabled>');
    const ispmId = rows(sim().state, 'User').find((u) => u.Username === ISPM_USER)?.Id;
    expect(rows(sim().state, 'OauthToken').filter((t) => t.UserId === ispmId)).toEqual([]);
    expect(rows(sim().state, 'OauthToken')).toHaveLength(2);
    expect(rows(sim().state, 'AuthSession').map((s) => s.UsersId)).not.toContain(ispmId);
    expect(rows(sim().state, 'AuthSession')).toHaveLength(2);
    expect(calls(sim()).filter((c) => c === 'POST /services/oauth2/revoke')).toHaveLength(2);
    expect(out).toMatch(/record: out\/lifecycle\/00D\d+-suspend-[\dTZ-]+\.json/);
  });

  it('suspends even when the certificate is unusable (expired, rotated away): suspend deploys no certificate', async () => {
    await onboard(sim());
    // The values name the file; after onboarding it is gone, as when a team rotates or deletes it.
    fs.writeFileSync('config/certs/example-ispm-server.crt', 'not a certificate any more');
    expect((await run('check', ...VALUES)).code).toBe(1);
    const { code, out } = await run('suspend', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(code).toBe(0);
    expect(out).toMatch(/suspend SUCCEEDED/);
    expect(loginOf(sim(), ISPM_USER)?.IsFrozen).toBe(true);
    expect((await run('resume', '-o', 'prod', '--vendor', 'ispm', ...VALUES)).code).toBe(0);
    expect(loginOf(sim(), ISPM_USER)?.IsFrozen).toBe(false);
  });

  it('is idempotent: a second suspend sends nothing and resume still undoes the first', async () => {
    await onboard(sim());
    await run('suspend', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    const before = calls(sim()).length;
    const second = await run('suspend', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(second.code).toBe(0);
    expect(second.out).toContain(`[already] ispm: freeze user ${ISPM_USER} (already frozen)`);
    expect(second.out).toContain('[already] ispm: disable External Client App ISPM_SFDC_Integration');
    expect(
      calls(sim())
        .slice(before)
        .filter((c) => c === 'deploy' || c.startsWith('PATCH') || c.includes('revoke') || c.startsWith('DELETE'))
    ).toEqual([]);
    const resumed = await run('resume', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(resumed.code).toBe(0);
    expect(loginOf(sim(), ISPM_USER)?.IsFrozen).toBe(false);
    expect(policyXml(sim())).toContain('<isEnabled>true</isEnabled>');
  });

  it('resume reverses exactly what suspend did: tokens stay revoked, a user frozen before stays frozen', async () => {
    await onboard(sim());
    const recoLogin = loginOf(sim(), RECO_USER);
    if (recoLogin) recoLogin.IsFrozen = true; // frozen by an admin before the suspend
    await run('suspend', '-o', 'prod', ...VALUES);
    const { code, out } = await run('resume', '-o', 'prod', ...VALUES);
    expect(code).toBe(0);
    expect(loginOf(sim(), ISPM_USER)?.IsFrozen).toBe(false);
    expect(loginOf(sim(), RECO_USER)?.IsFrozen).toBe(true);
    expect(policyXml(sim())).toContain('<isEnabled>true</isEnabled>');
    expect(rows(sim().state, 'OauthToken')).toHaveLength(1);
    expect(out).toContain('note: ispm: revoked OAuth tokens stay revoked.');
    expect(out).toContain('handoff reco: Reco must reconnect');
    const again = await run('resume', '-o', 'prod', ...VALUES);
    expect(again.code).toBe(0);
    expect(again.out).toContain('ispm: its last suspend was already resumed; nothing to reverse.');
  });

  it('works for a vendor without an External Client App (Reco)', async () => {
    await onboard(sim());
    const { code, out } = await run('suspend', '-o', 'prod', '--vendor', 'reco', ...VALUES, '--json');
    expect(code).toBe(0);
    expect(out).not.toContain('disableApp');
    expect(loginOf(sim(), RECO_USER)?.IsFrozen).toBe(true);
    expect(policyXml(sim())).toContain('<isEnabled>true</isEnabled>');
  });

  it('refuses to resume with no suspend on record, naming the fix', async () => {
    await onboard(sim());
    const { code, out } = await run('resume', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(code).toBe(1);
    expect(out).toContain('Error (NoSuspendRecordError): No suspend of ispm is recorded for prod');
    expect(loginOf(sim(), ISPM_USER)?.IsFrozen).toBe(false);
  });
});

describe('suspend under faults reports an honest partial outcome and a resumable record', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({
    shape: 'enterprise-shield',
    seed: { users: [{ Username: OTHER, profile: 'Standard User' }] },
  }));

  it.each([
    [
      'a token revoke',
      'an HTTP 500',
      '/services/oauth2/revoke',
      'serverError',
      /\[FAILED\] ispm: revoke OAuth token of ISPM SFDC Integration/,
      /\[done\] ispm: revoke OAuth token/g,
    ],
    [
      'ending a session',
      'an expired session',
      'sobjects/AuthSession',
      'expiredSession',
      /\[FAILED\] ispm: end session 0Ak\w+ \(AuthSession 0Ak\w+\)\n\s+INVALID_SESSION_ID/,
      /\[done\] ispm: end session/g,
    ],
  ] as const)(
    '%s failing with %s is partial (68), and running suspend again finishes it',
    async (_step, _what, op, fault, failed, doneAfter) => {
      await onboard(sim());
      sim().faults.set({ onOperation: [{ op, nth: 1, fault }] });
      const first = await run('suspend', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
      expect(first.code).toBe(68);
      expect(first.out).toContain('suspend PARTIAL');
      expect(first.out).toMatch(failed);
      expect(first.out).toContain('Run the same suspend again');
      expect(loginOf(sim(), ISPM_USER)?.IsFrozen).toBe(true);
      sim().faults.clear();
      const second = await run('suspend', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
      expect(second.code).toBe(0);
      expect(second.out.match(doneAfter)).toHaveLength(1);
      expect((await run('resume', '-o', 'prod', '--vendor', 'ispm', ...VALUES)).code).toBe(0);
      expect(loginOf(sim(), ISPM_USER)?.IsFrozen).toBe(false);
    }
  );

  it('a dropped connection on the freeze is never reported as done', async () => {
    await onboard(sim());
    sim().faults.set({ onOperation: [{ op: 'sobjects/UserLogin', nth: 1, fault: 'drop' }] });
    const { code, out } = await run('suspend', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(code).toBe(68);
    expect(out).toMatch(/\[(UNKNOWN|FAILED)\] ispm: freeze user/);
    expect(out).not.toContain('suspend SUCCEEDED');
  });

  it('fails plainly when the session has expired before anything was done', async () => {
    await onboard(sim());
    sim().faults.set({ expireSessionFromCall: sim().requests.length + 1 });
    const { code, out } = await run('suspend', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(code).toBe(1);
    expect(out).toMatch(/prod: FAILED|suspend FAILED/);
    expect(loginOf(sim(), ISPM_USER)?.IsFrozen).toBe(false);
  });

  // Ctrl-C, and SIGTERM (a CI runner's cancel): one handling for every command that writes to an org.
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'stops on %s before the next step, says so, and keeps a record; suspend again finishes',
    async (signal) => {
      await onboard(sim());
      const io = recordingIo();
      const stderr = io.stderr;
      io.stderr = (text: string): void => {
        stderr(text);
        if (text.includes('reco: freezing')) process.emit(signal);
      };
      const code = await main(['suspend', '-o', 'prod', ...VALUES], io);
      expect(code).toBe(68);
      expect(io.text()).toContain('Interrupted: finishing the calls in flight, then stopping');
      expect(io.text()).toMatch(
        /\[SKIPPED\] reco: freeze user reco\.integration@example\.com\.vendoraccess[^\n]*\n\s+interrupted before this step/
      );
      expect(loginOf(sim(), ISPM_USER)?.IsFrozen).toBe(true);
      expect(loginOf(sim(), RECO_USER)?.IsFrozen).toBe(false);
      const record = /record: (out\/lifecycle\/\S+\.json)/.exec(io.text())?.[1] as string;
      expect(JSON.parse(fs.readFileSync(record, 'utf8'))).toMatchObject({ command: 'suspend', outcome: 'partial' });
      const again = await run('suspend', '-o', 'prod', ...VALUES);
      expect(again.code).toBe(0);
      expect(loginOf(sim(), RECO_USER)?.IsFrozen).toBe(true);
      expect((await run('resume', '-o', 'prod', ...VALUES)).code).toBe(0);
      expect(loginOf(sim(), ISPM_USER)?.IsFrozen).toBe(false);
      expect(loginOf(sim(), RECO_USER)?.IsFrozen).toBe(false);
    }
  );

  it('several orgs: each reported on its own, one failing makes the run partial (68)', async () => {
    await onboard(sim());
    const other = await startOrgSimulator({ shape: 'enterprise-shield' });
    try {
      await loginWithAlias(other, 'uat');
      other.faults.set({ expireSessionFromCall: other.requests.length + 1 });
      const { code, out } = await run(
        'suspend',
        '-o',
        'prod',
        '-o',
        'uat',
        '--vendor',
        'ispm',
        ...VALUES,
        '--concurrency',
        '2'
      );
      expect(code).toBe(68);
      expect(out).toMatch(/^prod \(admin\.\d+@sim\.example\.com, 00D\d+\): suspend SUCCEEDED/m);
      expect(out).toMatch(/^uat: FAILED/m);
      expect(loginOf(sim(), ISPM_USER)?.IsFrozen).toBe(true);
    } finally {
      await other.stop();
    }
  });
});

describe("suspend as a user who cannot see other users' tokens", () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({
    shape: 'enterprise-shield',
    seed: { users: [{ Username: OTHER, profile: 'Standard User' }], adminLacks: ['CustomizeApplication'] },
  }));

  it('never reports "no OAuth tokens" when it could not see them: the revoke is SKIPPED and the run partial (68)', async () => {
    expect((await run('deploy', '-o', 'prod', '--vendor', 'reco', ...VALUES)).code).toBe(0);
    seedOauthToken(sim().state, RECO_USER, { AppName: 'Reco Introspection for Salesforce' });
    const { code, out } = await run('suspend', '-o', 'prod', '--vendor', 'reco', ...VALUES);
    expect(code).toBe(68);
    expect(out).toContain('[SKIPPED] reco: revoke OAuth token of reco.integration@example.com.vendoraccess');
    expect(out).toContain('lacks Customize Application');
    expect(out).not.toContain('no OAuth tokens');
    expect(rows(sim().state, 'OauthToken')).toHaveLength(1);
    expect(loginOf(sim(), RECO_USER)?.IsFrozen).toBe(true);
    const activity = await run('activity', '-o', 'prod', '--vendor', 'reco', ...VALUES);
    expect(activity.out).toContain('OAuth tokens not visible (the connected user lacks Customize Application)');
  });
});
