import { run, useSimulatedOrg } from '../helpers/simulatedOrg';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { seedEventLog, seedLogin, seedOauthToken } from '../org-simulator/lifecycle';

const VALUES = ['--values', 'config/orgs/example.json'];
const ISPM_USER = 'ispm.integration@example.com.vendoraccess';
const RECO_USER = 'reco.integration@example.com.vendoraccess';
const daysAgo = (n: number): string =>
  new Date(Date.now() - n * 86_400_000)
    .toISOString()
    .replace(/Z$/, '')
    .replace(/\.\d{3}$/, '.000+0000');

describe('activity: what the vendor did in the org', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));
  const seeded = async (): Promise<void> => {
    expect((await run('deploy', '-o', 'prod', ...VALUES)).code).toBe(0);
    seedLogin(sim().state, ISPM_USER, { LoginTime: daysAgo(1), SourceIp: '18.98.16.170' });
    seedLogin(sim().state, ISPM_USER, { LoginTime: daysAgo(2), SourceIp: '203.0.113.66', Status: 'Success' });
    seedLogin(sim().state, ISPM_USER, { LoginTime: daysAgo(20), SourceIp: '203.0.113.99' });
    seedLogin(sim().state, RECO_USER, {
      LoginTime: daysAgo(3),
      SourceIp: '203.0.113.5',
      Application: 'Reco Introspection for Salesforce',
    });
    seedOauthToken(sim().state, ISPM_USER, {
      AppName: 'ISPM SFDC Integration',
      UseCount: 1234,
      LastUsedDate: daysAgo(1),
    });
    seedEventLog(sim().state, {
      EventType: 'API',
      LogDate: daysAgo(1),
      rows: [
        { username: ISPM_USER, count: 5 },
        { username: RECO_USER, count: 2 },
      ],
    });
    seedEventLog(sim().state, { EventType: 'RestApi', LogDate: daysAgo(2), rows: [{ username: ISPM_USER, count: 3 }] });
  };

  it('lists logins of the last 7 days, flags the one from outside the vendor ranges, its tokens and its API volume', async () => {
    await seeded();
    const { code, out } = await run('activity', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(code).toBe(0);
    expect(out).toContain(
      '2 login(s), 0 failed, 1 from outside its trusted ranges; 1 OAuth token(s); 8 API request(s) in 2 day(s) of event logs'
    );
    expect(out).toMatch(
      /203\.0\.113\.66 +Success +ISPM SFDC Integration +Remote Access 2\.0 +<-- OUTSIDE TRUSTED RANGES/
    );
    expect(out).toMatch(/18\.98\.16\.170 +Success(?!.*OUTSIDE)/);
    expect(out).not.toContain('203.0.113.99');
    expect(out).toContain('ISPM SFDC Integration: created');
    expect(out).toContain('1234 use(s)');
    expect(out).toMatch(/record: out\/activity\/00D\d+-activity-/);
  });

  it('writes Markdown and JSON; --since reaches further back; Reco ranges come from the values file', async () => {
    await seeded();
    const md = await run('activity', '-o', 'prod', ...VALUES, '--since', '30d', '--format', 'markdown');
    expect(md.code).toBe(0);
    expect(md.out).toContain('| time (UTC) | source IP | status | application | login type | flag |');
    expect(md.out).toMatch(
      /\| 203\.0\.113\.99 \| Success \| ISPM SFDC Integration \| Remote Access 2\.0 \| \*\*OUTSIDE TRUSTED RANGES\*\* \|/
    );
    expect(md.out).toMatch(
      /\| 203\.0\.113\.5 \| Success \| Reco Introspection for Salesforce \| Remote Access 2\.0 \| +\|$/m
    );
    const json = await run('activity', '-o', 'prod', '--vendor', 'reco', ...VALUES, '--json');
    const result = json.json() as {
      result: { orgs: Array<{ vendors: Array<{ logins: unknown[]; api: { requests: number } }> }> };
    };
    expect(result.result.orgs[0]?.vendors[0]?.api.requests).toBe(2);
    expect(result.result.orgs[0]?.vendors[0]?.logins).toHaveLength(1);
  });

  it('refuses a --since it cannot read, before contacting the org', async () => {
    const before = sim().requests.length;
    const { code, out } = await run('activity', '-o', 'prod', ...VALUES, '--since', 'last week');
    expect(code).toBe(1);
    expect(out).toContain('Error (BadSinceError): --since "last week" is not a duration or a date.');
    expect(sim().requests).toHaveLength(before);
  });
});

describe('activity in an org without Event Monitoring', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise' }));

  it('says the API volume is not available instead of reporting zero', async () => {
    expect((await run('deploy', '-o', 'prod', '--vendor', 'ispm', ...VALUES)).code).toBe(0);
    seedLogin(sim().state, ISPM_USER, { LoginTime: daysAgo(1), SourceIp: '18.98.16.170' });
    const { code, out } = await run('activity', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(code).toBe(0);
    expect(out).toContain('API volume not available: this org has no Event Monitoring (no EventLogFile)');
  });
});
