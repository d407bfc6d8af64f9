import { setJson } from '../helpers/projectCopy';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { run, snapshot, useSimulatedOrg } from '../helpers/simulatedOrg';
import type { OrgSimulator } from '../org-simulator';

const VALUES = ['--values', 'config/orgs/example.json'];
const USERNAME = 'ispm.integration@example.com.vendoraccess';
const HARDENED = 'ISPM_Integration_Hardened';

const profileOf = (sim: OrgSimulator): unknown => {
  const user = sim.state.records.get('User')?.find((u) => u.Username === USERNAME);
  return sim.state.records.get('Profile')?.find((p) => p.Id === user?.ProfileId)?.Name;
};

describe('hardened mode through plan, deploy, verify, and back off', () => {
  const project = useProjectCopyAsCwd();
  // The ISPM user already exists on its licence's profile, as the guide leaves it.
  const sim = useSimulatedOrg('prod', () => ({
    shape: 'enterprise-shield',
    seed: { users: [{ Username: USERNAME, profile: 'Minimum Access - Salesforce' }] },
  }));
  const hardening = (on: boolean): void =>
    setJson(project(), 'config/orgs/example.json', 'vendors.ispm.hardening', { restrictLoginToVendorRanges: on });

  it('plan shows the profile and the move; dry run validates it and changes nothing', async () => {
    expect((await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm')).code).toBe(0);
    hardening(true);
    const plan = await run('plan', '-o', 'prod', ...VALUES, '--vendor', 'ispm');
    expect(plan.code).toBe(0);
    expect(plan.out).toContain(`create profiles/${HARDENED}.profile`);
    expect(plan.out).toContain(`move ${USERNAME} to profile ${HARDENED} (hardened mode)`);
    const before = snapshot(sim());
    const dry = await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm', '--dry-run');
    expect(dry.code).toBe(0);
    expect(snapshot(sim())).toBe(before);
  });

  it('moves an existing user to the profile; verify checks the ranges, the user and the app policy', async () => {
    hardening(true);
    const deploy = await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm');
    expect(deploy.code).toBe(0);
    expect(deploy.out).toContain(
      `note: ${USERNAME} moved to profile ${HARDENED} (hardened mode: logins only from ISPM's ranges).`
    );
    expect(profileOf(sim())).toBe(HARDENED);
    const verify = await run('verify', '-o', 'prod', ...VALUES, '--vendor', 'ispm');
    expect(verify.out).toContain(`ok   ispm: profile ${HARDENED}'s login IP ranges equal the vendor's 9 range(s)`);
    expect(verify.out).toContain(`ok   ispm: ${USERNAME} is on profile ${HARDENED}`);
    expect(verify.out).toContain('ok   ispm: the External Client App enforces IP restrictions');
    expect(verify.code).toBe(0);
    expect((await run('plan', '-o', 'prod', ...VALUES, '--vendor', 'ispm')).out).toContain('prod: in sync');
  });

  it('verify fails when someone widens the profile’s ranges in the org', async () => {
    hardening(true);
    expect((await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm')).code).toBe(0);
    const profileId =
      sim()
        .state.records.get('Profile')
        ?.find((p) => p.Name === HARDENED)?.Id ?? null;
    sim()
      .state.records.get('LoginIpRange')
      ?.push({ Id: '0LI000000000999', ProfileId: profileId, StartAddress: '0.0.0.0', EndAddress: '1.255.255.255' });
    const verify = await run('verify', '-o', 'prod', ...VALUES, '--vendor', 'ispm');
    expect(verify.code).toBe(1);
    expect(verify.out).toContain(`FAIL ispm: profile ${HARDENED}'s login IP ranges differ from the vendor's`);
    expect(verify.out).toContain('org: 18.98.16.160-18.98.16.191');
    expect(verify.out).toContain('0.0.0.0-1.255.255.255');
    const json = await run('verify', '-o', 'prod', ...VALUES, '--vendor', 'ispm', '--json');
    const findings =
      (json.json() as { result: { orgs: Array<{ findings: Array<{ code: string; ok: boolean }> }> } }).result.orgs[0]
        ?.findings ?? [];
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: 'HardenedProfileRangesDrifted',
        ok: false,
        fix: 'Run vendor-access deploy: the profile is deployed whole, its ranges replaced.',
      })
    );
    expect(findings).toContainEqual(expect.objectContaining({ code: 'HardenedUserOnProfile', ok: true }));
    expect(findings).toContainEqual(expect.objectContaining({ code: 'AppEnforcesIpRestrictions', ok: true }));
    const plan = await run('plan', '-o', 'prod', ...VALUES, '--vendor', 'ispm');
    expect(plan.out).toContain(`update profiles/${HARDENED}.profile\n    - loginIpRanges 0.0.0.0`);
    expect((await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm')).code).toBe(0);
    const ranges = (sim().state.records.get('LoginIpRange') ?? []).filter((r) => r.ProfileId === profileId);
    expect(ranges.map((r) => r.StartAddress)).not.toContain('0.0.0.0');
    expect(ranges).toHaveLength(9);
    expect((await run('verify', '-o', 'prod', ...VALUES, '--vendor', 'ispm')).code).toBe(0);
  });

  it('turning it off moves the user back and removes the profile', async () => {
    hardening(true);
    expect((await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm')).code).toBe(0);
    hardening(false);
    const plan = await run('plan', '-o', 'prod', ...VALUES, '--vendor', 'ispm');
    expect(plan.out).toContain(`move ${USERNAME} back to its licence's profile (hardened mode off)`);
    expect(plan.out).toContain(`remove profile ${HARDENED} (hardened mode off)`);
    const verifyBefore = await run('verify', '-o', 'prod', ...VALUES, '--vendor', 'ispm');
    expect(verifyBefore.out).toContain(
      `FAIL ispm: hardened mode is off, but the org still holds profile ${HARDENED} and ${USERNAME} is on it`
    );
    const off = await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm');
    expect(off.code).toBe(0);
    expect(off.out).toContain(
      `note: ${USERNAME} moved back to profile Minimum Access - Salesforce (hardened mode is off).`
    );
    expect(off.out).toContain(`note: profile ${HARDENED} removed (hardened mode is off).`);
    expect(profileOf(sim())).toBe('Minimum Access - Salesforce');
    expect(sim().state.components.has(`Profile:${HARDENED}`)).toBe(false);
    expect(
      sim()
        .state.records.get('Profile')
        ?.some((p) => p.Name === HARDENED)
    ).toBe(false);
    const verify = await run('verify', '-o', 'prod', ...VALUES, '--vendor', 'ispm');
    expect(verify.out).toContain(
      "warn ispm: hardened mode is off: the integration user's credentials work from any address"
    );
    expect(verify.code).toBe(0);
  });
});
