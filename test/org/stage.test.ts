import fs from 'node:fs';
import path from 'node:path';
import { calls, run, useSimulatedOrg, writes } from '../helpers/simulatedOrg';
import { deployStaged } from '../helpers/deployStaged';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { failures } from '../org-simulator/deploySource';

const VALUES = ['--values', 'config/orgs/example.json'];
const HEAD_OFFICE = { start: '198.51.100.0', end: '198.51.100.255', description: 'Head office' };

const read = (dir: string, rel: string): string => fs.readFileSync(path.join(dir, rel), 'utf8');

describe.each([
  ['enterprise-shield', true],
  ['enterprise', false],
] as const)('stage for a raw sf deploy (%s)', (shape, shield) => {
  const project = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape, seed: { trustedRanges: [HEAD_OFFICE] } }));

  it('writes what deploy would send, changes nothing in the org, and the staged folder deploys through SDR keeping every range', async () => {
    const { code, out } = await run('stage', '-o', 'prod', ...VALUES, '--output-dir', 'out/stage/prod');
    expect(code).toBe(0);
    expect(out).toMatch(
      /Staged \d+ file\(s\) for prod in out\/stage\/prod\. Deploy them with:\n {2}cd out\/stage\/prod && sf project deploy start --source-dir force-app --target-org prod --wait 33/
    );
    expect([...calls(sim()).filter((c) => c === 'deploy'), ...writes(sim())]).toEqual([]);
    const dir = path.join(project(), 'out/stage/prod');
    const ispm = read(
      dir,
      'force-app/main/default/permissionsets/ISPM_SFDC_integration_permission.permissionset-meta.xml'
    );
    // The org's own closure: View All Data needs the event permissions only where they exist.
    expect(ispm.includes('<name>ViewEventLogFiles</name>')).toBe(shield);
    const security = read(dir, 'force-app/main/default/settings/Security.settings-meta.xml');
    expect(security).toContain('<description>Head office</description>');
    expect(security).toContain('<description>ISPM IP number 1</description>');
    const glbl = read(
      dir,
      'force-app/main/default/extlClntAppGlobalOauthSets/ISPM_SFDC_Integration_glbloauth.ecaGlblOauth-meta.xml'
    );
    expect(glbl).toContain('-----BEGIN CERTIFICATE-----');
    expect(read(dir, '.forceignore')).not.toContain('Security');
    const all = fs.readdirSync(path.join(dir, 'force-app/main/default'), { recursive: true }).map(String);
    for (const rel of all.filter((f) => f.endsWith('.xml')))
      expect(read(dir, `force-app/main/default/${rel}`)).not.toMatch(/__[A-Z_]+__/);
    expect(all.some((f) => f.includes('RealTimeEvent'))).toBe(shield);
    expect(JSON.parse(read(dir, 'sfdx-project.json'))).toEqual({
      packageDirectories: [{ path: 'force-app', default: true }],
      name: 'vendor-access-staged',
      sourceApiVersion: '64.0',
    });

    const result = await deployStaged(sim(), dir);
    expect(failures(result)).toEqual([]);
    expect(result.response.status).toBe('Succeeded');
    const held = sim().state.components.get('Settings:Security')?.xml ?? '';
    expect(held).toContain('<description>Head office</description>');
    expect(held).toContain('<description>ISPM IP number 9</description>');
    // Then deploy finishes users and deploys nothing more.
    const finish = await run('deploy', '-o', 'prod', ...VALUES);
    expect(finish.code).toBe(0);
    expect(finish.out).toContain('nothing was deployed');
    expect(finish.out).toContain('user reco.integration@example.com.vendoraccess: created');
  });
});

describe('stage refuses a bad output folder before contacting the org', () => {
  const project = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise' }));

  it.each([
    ['force-app/stage', 'OutputInSourceError): Refusing to write the staged project (--output-dir) to force-app/stage'],
    [
      'config',
      'OutputNotEmptyError): Refusing to write the staged project (--output-dir) to config: the folder is not empty',
    ],
    ['sfdx-project.json', 'OutputPathBlockedError): Cannot write to sfdx-project.json: sfdx-project.json is a file'],
  ])('%s', async (dir, message) => {
    sim().requests.length = 0;
    const { code, out } = await run('stage', '-o', 'prod', ...VALUES, '--output-dir', dir);
    expect(code).toBe(1);
    expect(out).toContain(message);
    expect(sim().requests).toEqual([]);
    expect(fs.existsSync(path.join(project(), 'force-app/stage'))).toBe(false);
  });

  it('takes one org only', async () => {
    const { code, out } = await run('stage', '-o', 'prod', '-o', 'qa', ...VALUES, '--output-dir', 'out/s');
    expect(code).toBe(1);
    expect(out).toContain('--target-org was given 2 times');
  });
});
