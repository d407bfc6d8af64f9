import { run, useSimulatedOrg } from '../helpers/simulatedOrg';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { seedOauthToken } from '../org-simulator/lifecycle';
import { rows } from '../org-simulator/orgState';

// Issue 19 item 5: OauthToken.Id is "Reserved for future use. Currently, the value is always null"
// (Object Reference, OauthToken): the kill switch tells tokens apart by app, dates and use.
const VALUES = ['--values', 'config/orgs/example.json'];
const ISPM_USER = 'ispm.integration@example.com.vendoraccess';

describe('suspend where every OauthToken.Id is null, as in a real org', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it('labels each token by app, created date and last use, and revokes both by their DeleteToken', async () => {
    expect((await run('deploy', '-o', 'prod', ...VALUES)).code).toBe(0);
    const app = 'ISPM SFDC Integration';
    seedOauthToken(sim().state, ISPM_USER, {
      AppName: app,
      CreatedDate: '2026-11-01T09:00:00.000Z',
      LastUsedDate: '2026-12-05T10:00:00.000Z',
      UseCount: 42,
    });
    seedOauthToken(sim().state, ISPM_USER, { AppName: app, CreatedDate: '2026-11-20T09:00:00.000Z', UseCount: 1 });
    expect(rows(sim().state, 'OauthToken').map((t) => t.Id)).toEqual([null, null]);

    const dry = await run('suspend', '-o', 'prod', '--vendor', 'ispm', ...VALUES, '--dry-run');
    expect(dry.out).toContain(
      `[would] ispm: revoke OAuth token of ${app} (created 2026-11-01T09:00:00.000Z, last used 2026-12-05T10:00:00.000Z, used 42 time(s))`
    );
    expect(dry.out).toMatch(
      /\[would\] ispm: revoke OAuth token of ISPM SFDC Integration \(created 2026-11-20T09:00:00\.000Z, last used [^,]+, used 1 time\(s\)\)/
    );
    expect(dry.out).not.toMatch(/token (null|undefined)|token ,/);

    const { code, out } = await run('suspend', '-o', 'prod', '--vendor', 'ispm', ...VALUES);
    expect(code).toBe(0);
    expect(out).toContain(`ispm: revoke OAuth token of ${app} (created 2026-11-01T09:00:00.000Z`);
    expect(rows(sim().state, 'OauthToken')).toEqual([]);
  });
});
