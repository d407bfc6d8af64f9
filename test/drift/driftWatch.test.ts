import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../helpers/projectCopy';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { run, useSimulatedOrg } from '../helpers/simulatedOrg';

const VALUES = ['--values', 'config/orgs/example.json'];

describe('verify --junit and deploy --junit', () => {
  const dir = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it('writes one passing test case per intended setting, and a failing one with the diff when the org drifted', async () => {
    const deployed = await run('deploy', '-o', 'prod', ...VALUES, '--junit', 'out/junit/deploy.xml');
    expect(deployed.code).toBe(0);
    const deployXml = fs.readFileSync(path.join(dir(), 'out/junit/deploy.xml'), 'utf8');
    expect(deployXml).toContain(
      '<testcase classname="deploy.prod" name="PermissionSet:ISPM_SFDC_integration_permission"/>'
    );
    expect(deployXml).toContain('failures="0"');
    const clean = await run('verify', '-o', 'prod', ...VALUES, '--junit', 'out/junit/verify.xml');
    expect(clean.code).toBe(0);
    expect(clean.out).toContain('JUnit report: out/junit/verify.xml');
    expect(fs.readFileSync(path.join(dir(), 'out/junit/verify.xml'), 'utf8')).toMatch(
      /<testsuites name="vendor-access" tests="\d+" failures="0" skipped="\d+">/
    );
    // Someone turns View All Data off in the org: drift.
    const held = sim().state.components.get('PermissionSet:ISPM_SFDC_integration_permission');
    if (held) held.xml = held.xml.replace(/(<enabled>)true(<\/enabled>\s*<name>ViewAllData<\/name>)/, '$1false$2');
    const drifted = await run('verify', '-o', 'prod', ...VALUES, '--junit', 'out/junit/verify.xml');
    expect(drifted.code).toBe(1);
    const xml = fs.readFileSync(path.join(dir(), 'out/junit/verify.xml'), 'utf8');
    expect(xml).toMatch(/failures="1"/);
    expect(xml).toMatch(
      /<testcase classname="verify.prod" name="component permissionsets\/ISPM_SFDC_integration_permission.permissionset" time="\d+\.\d{3}">\n\s+<failure message="[^"]+">[^<]*ViewAllData[^<]*\nFix: Run vendor-access deploy; then verify again.<\/failure>/
    );
  });
});

describe('fleet: the drift-watch matrix', () => {
  const dir = useProjectCopyAsCwd();
  const write = (orgs: unknown): void =>
    fs.writeFileSync(path.join(dir(), 'config/fleet.json'), JSON.stringify({ orgs }));

  it('groups orgs by values file and cuts them into jobs of --orgs-per-job', async () => {
    fs.copyFileSync(path.join(dir(), 'config/orgs/example.json'), path.join(dir(), 'config/orgs/other.json'));
    write([
      { alias: 'a', values: 'config/orgs/example.json', secret: 'AUTH_A' },
      { alias: 'b', values: 'config/orgs/other.json', secret: 'AUTH_B' },
      { alias: 'c', values: 'config/orgs/example.json', secret: 'AUTH_C' },
      { alias: 'd', values: 'config/orgs/example.json', secret: 'AUTH_D' },
    ]);
    const { code, out } = await run('fleet', '--orgs-per-job', '2', '--github-output');
    expect(code).toBe(0);
    // secret_1…secret_10: the workflow hands a job only these secrets (unused slots are '').
    const slots = (...names: string[]): Record<string, string> =>
      Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`secret_${i + 1}`, names[i] ?? '']));
    expect(JSON.parse(out.replace(/^matrix=/, ''))).toEqual({
      include: [
        {
          shard: 1,
          values: 'config/orgs/example.json',
          aliases: 'a c',
          secrets: 'AUTH_A AUTH_C',
          targets: '-o a -o c',
          login: '--alias a --auth-url-env AUTH_URL_1 --alias c --auth-url-env AUTH_URL_2',
          ...slots('AUTH_A', 'AUTH_C'),
        },
        {
          shard: 2,
          values: 'config/orgs/example.json',
          aliases: 'd',
          secrets: 'AUTH_D',
          targets: '-o d',
          login: '--alias d --auth-url-env AUTH_URL_1',
          ...slots('AUTH_D'),
        },
        {
          shard: 3,
          values: 'config/orgs/other.json',
          aliases: 'b',
          secrets: 'AUTH_B',
          targets: '-o b',
          login: '--alias b --auth-url-env AUTH_URL_1',
          ...slots('AUTH_B'),
        },
      ],
    });
    const tooMany = await run('fleet', '--orgs-per-job', '11');
    expect(tooMany.code).toBe(1);
    expect(tooMany.out).toContain('--orgs-per-job "11" is not a whole number from 1 to 10.');
  });

  it('lists every bad entry at once; nothing shell-like reaches the workflow', async () => {
    write([
      { alias: 'prod; rm -rf /', values: 'config/orgs/example.json', secret: 'AUTH' },
      { alias: 'uat', values: 'config/orgs/missing.json', secret: 'lower-case' },
    ]);
    const { code, out } = await run('fleet');
    expect(code).toBe(1);
    expect(out).toContain('Error (FleetInvalidError): The fleet file config/fleet.json has 3 problem(s):');
    expect(out).toContain('orgs[0].alias: "prod; rm -rf /" must be an sf alias');
    expect(out).toContain('orgs[1].values: config/orgs/missing.json does not exist');
    expect(out).toContain('orgs[1].secret: "lower-case" must be a GitHub secret name');
    expect(out).toContain('Fix: Name the repository secret in capitals, digits and underscores');
    // Scripts match the codes, with the file and field of each.
    const json = await run('fleet', '--json');
    expect(JSON.parse(json.out)).toMatchObject({
      name: 'FleetInvalidError',
      data: {
        problems: [
          { code: 'FleetAliasInvalid', file: 'config/fleet.json', field: 'orgs[0].alias' },
          { code: 'FleetValuesMissing', file: 'config/fleet.json', field: 'orgs[1].values' },
          { code: 'FleetSecretInvalid', file: 'config/fleet.json', field: 'orgs[1].secret' },
        ],
      },
    });
  });

  it('the committed fleet file is valid', async () => {
    expect((await run('fleet', '--fleet', path.join(PROJECT_ROOT, 'config/fleet.json'))).code).toBe(0);
  });
});
