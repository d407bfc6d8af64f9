import { deployIspmWithOwnKey } from '../helpers/ispmWithOwnKey';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { run, useSimulatedOrg } from '../helpers/simulatedOrg';
import { rows } from '../org-simulator/orgState';

const VALUES = ['--values', 'config/orgs/example.json', '--vendor', 'ispm'];
const LOGIN = 'JWT bearer login as ispm.integration@example.com.vendoraccess';

describe('suspend cuts the vendor off; resume lets it back in', () => {
  const project = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));
  let keyFile: string;

  beforeEach(async () => {
    keyFile = await deployIspmWithOwnKey(project());
  });

  it('the JWT bearer login fails while suspended and works again after resume', async () => {
    expect((await run('verify', '-o', 'prod', ...VALUES, '--private-key', keyFile)).out).toContain(
      `ok   ${LOGIN} succeeded`
    );
    expect((await run('suspend', '-o', 'prod', ...VALUES)).code).toBe(0);
    const suspended = await run('verify', '-o', 'prod', ...VALUES, '--private-key', keyFile);
    expect(suspended.code).toBe(1);
    expect(suspended.out).toContain(`FAIL ${LOGIN} failed`);
    expect((await run('resume', '-o', 'prod', ...VALUES)).code).toBe(0);
    const resumed = await run('verify', '-o', 'prod', ...VALUES, '--private-key', keyFile);
    expect(resumed.out).toContain(`ok   ${LOGIN} succeeded`);
    expect(resumed.code).toBe(0);
  });

  it('a frozen user alone is refused: freezing is enough even where the app stays enabled', async () => {
    const user = rows(sim().state, 'User').find((u) => u.Username === 'ispm.integration@example.com.vendoraccess');
    await run('activity', '-o', 'prod', ...VALUES); // any REST call gives every user its UserLogin row
    const login = rows(sim().state, 'UserLogin').find((l) => l.UserId === user?.Id);
    if (login) login.IsFrozen = true;
    const frozen = await run('verify', '-o', 'prod', ...VALUES, '--private-key', keyFile);
    expect(frozen.out).toContain('invalid_grant: user is not active or invalid');
  });
});
