import fs from 'node:fs';
import path from 'node:path';
import { setJson } from '../helpers/projectCopy';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { run, useSimulatedOrg } from '../helpers/simulatedOrg';

const VALUES = ['--values', 'config/orgs/example.json'];
const PROFILE = 'force-app/main/default/profiles/ISPM_Integration_Hardened.profile-meta.xml';

describe('stage knows hardened mode', () => {
  const project = useProjectCopyAsCwd();
  useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it('on: the staged folder holds the profile with the vendor’s ranges, and says deploy must move the user', async () => {
    setJson(project(), 'config/orgs/example.json', 'vendors.ispm.hardening', { restrictLoginToVendorRanges: true });
    const { code, out } = await run(
      'stage',
      '-o',
      'prod',
      ...VALUES,
      '--vendor',
      'ispm',
      '--output-dir',
      'out/stage/prod'
    );
    expect(code).toBe(0);
    const profile = fs.readFileSync(path.join(project(), 'out/stage/prod', PROFILE), 'utf8');
    expect(profile).toContain('<startAddress>13.52.68.184</startAddress>');
    expect(profile).toContain('<userLicense>Salesforce</userLicense>');
    const plan = await run('plan', '-o', 'prod', ...VALUES, '--vendor', 'ispm');
    expect(plan.out).toContain(
      'the new user ispm.integration@example.com.vendoraccess goes on profile ISPM_Integration_Hardened (hardened mode)'
    );
    expect(out).toContain(
      'Hardened mode: the folder holds profile ISPM_Integration_Hardened; vendor-access deploy then puts ispm.integration@example.com.vendoraccess on it'
    );
  });

  it('off: no profile is staged', async () => {
    const { code } = await run('stage', '-o', 'prod', ...VALUES, '--vendor', 'ispm', '--output-dir', 'out/stage/prod');
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(project(), 'out/stage/prod', PROFILE))).toBe(false);
  });
});
