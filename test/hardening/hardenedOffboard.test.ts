import { setJson } from '../helpers/projectCopy';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { run, useSimulatedOrg } from '../helpers/simulatedOrg';
import type { OrgSimulator } from '../org-simulator';
import { rows } from '../org-simulator/orgState';

const VALUES = ['--values', 'config/orgs/example.json'];
const USERNAME = 'ispm.integration@example.com.vendoraccess';
const HARDENED = 'ISPM_Integration_Hardened';

const ispmUser = (sim: OrgSimulator): Record<string, unknown> | undefined =>
  rows(sim.state, 'User').find((u) => u.Username === USERNAME);
const profileName = (sim: OrgSimulator): unknown =>
  rows(sim.state, 'Profile').find((p) => p.Id === ispmUser(sim)?.ProfileId)?.Name;

describe('offboard knows hardened mode', () => {
  const project = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it('moves the deactivated user off the dedicated profile and deletes the profile with the vendor’s other metadata', async () => {
    setJson(project(), 'config/orgs/example.json', 'vendors.ispm.hardening', { restrictLoginToVendorRanges: true });
    expect((await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm')).code).toBe(0);
    expect(profileName(sim())).toBe(HARDENED);
    const dry = await run('offboard', '-o', 'prod', '--vendor', 'ispm', ...VALUES, '--dry-run');
    expect(dry.out).toContain(
      `[would] ispm: move user off the hardened profile ${USERNAME} to Minimum Access - Salesforce`
    );
    expect(dry.out).toContain(`[would] ispm: delete Profile:${HARDENED}`);
    const { code, out } = await run('offboard', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(out).toContain('offboard SUCCEEDED');
    expect(code).toBe(0);
    expect(ispmUser(sim())?.IsActive).toBe(false);
    expect(profileName(sim())).toBe('Minimum Access - Salesforce');
    expect(sim().state.components.has(`Profile:${HARDENED}`)).toBe(false);
    expect(rows(sim().state, 'Profile').some((p) => p.Name === HARDENED)).toBe(false);
    expect(rows(sim().state, 'LoginIpRange')).toEqual([]);
  });

  it('without hardened mode touches no profile', async () => {
    expect((await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm')).code).toBe(0);
    const profiles = rows(sim().state, 'Profile').length;
    const { code, out } = await run('offboard', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(code).toBe(0);
    expect(out).not.toContain('hardened profile');
    expect(rows(sim().state, 'Profile')).toHaveLength(profiles);
  });
});
