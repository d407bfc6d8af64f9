import { Lifecycle } from '@salesforce/core';
import { main } from '../../src/cli';
import { recordingIo } from '../../src/output/io';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { calls, run, snapshot, useSimulatedOrg } from '../helpers/simulatedOrg';
import { startOrgSimulator } from '../org-simulator';
import { loginWithAlias } from '../org-simulator/connect';

const VALUES = ['--values', 'config/orgs/example.json'];

describe('deploy under faults ends in a correct, honest outcome', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it('succeeds with 50 ms latency on every call', async () => {
    sim().faults.set({ latencyMs: 50 });
    expect((await run('deploy', '-o', 'prod', ...VALUES)).code).toBe(0);
  });

  it.each([
    ['an HTTP 500', 'serverError'],
    ['a dropped connection', 'drop'],
    ['REQUEST_LIMIT_EXCEEDED', 'rateLimit'],
  ] as const)('retries polling after %s and reports the success the org reported', async (_what, fault) => {
    sim().faults.set({ onOperation: [{ op: 'checkDeployStatus', nth: 1, fault }] });
    const { code, out } = await run('deploy', '-o', 'prod', ...VALUES);
    expect(code).toBe(0);
    expect(out).toContain('deploy 0Af');
    expect(out).toContain(': Succeeded');
    expect(calls(sim()).filter((c) => c === 'checkDeployStatus').length).toBeGreaterThanOrEqual(3);
  });

  it('reports a deploy still running as such (exit 69), then --resume picks it up', async () => {
    sim().faults.set({ stuckDeployPolls: 5 });
    const first = await run('deploy', '-o', 'prod', ...VALUES, '--wait', '0.0001');
    expect(first.code).toBe(69);
    const id = /Pick it up with: vendor-access deploy --resume (0Af\w+) -o prod/.exec(first.out)?.[1];
    expect(id).toBeDefined();
    expect(sim().state.records.get('User')?.length).toBe(1);
    const resumed = await run('deploy', '-o', 'prod', ...VALUES, '--resume', id as string);
    expect(resumed.code).toBe(0);
    expect(resumed.out).toContain(`deploy ${id as string}: Succeeded`);
    expect(calls(sim()).filter((c) => c === 'deploy')).toHaveLength(1);
  });

  it('cancels the deploy in the org on Ctrl-C and says nothing was saved', async () => {
    sim().faults.set({ stuckDeployPolls: 50 });
    const before = snapshot(sim());
    const io = recordingIo();
    const stderr = io.stderr;
    let interrupted = false;
    io.stderr = (text: string): void => {
      stderr(text);
      if (!interrupted && text.includes('InProgress')) {
        interrupted = true;
        process.emit('SIGINT');
      }
    };
    const code = await main(['deploy', '-o', 'prod', ...VALUES], io);
    expect(code).toBe(1);
    expect(io.text()).toContain('Interrupted: asking the org to cancel the deploy');
    expect(io.text()).toMatch(/prod \(admin\.\d+@sim\.example\.com, 00D\d+\): CANCELED/);
    expect(io.text()).toContain('The deploy was canceled in the org; with rollbackOnError nothing of it was saved.');
    expect(calls(sim())).toContain('cancelDeploy');
    expect(snapshot(sim())).toBe(before);
  });

  it('reports an unknown outcome (exit 69) when the session expires mid-deploy, without claiming success or failure', async () => {
    sim().faults.set({ onOperation: [{ op: 'checkDeployStatus', nth: 1, fault: 'expiredSession' }] });
    const { code, out } = await run('deploy', '-o', 'prod', ...VALUES);
    // Its status was lost: it may have landed. Unknown, like sf's 69, never "nothing was sent".
    expect(code).toBe(69);
    expect(out).toMatch(/prod \(admin\.\d+@sim\.example\.com, 00D\d+\): UNKNOWN/);
    expect(out).not.toContain('Nothing was sent to the org');
    expect(out).toMatch(
      /How deploy 0Af\w+ ended is unknown\. Find out with: vendor-access deploy --resume 0Af\w+ -o prod/
    );
    expect(out).toMatch(/sf org login web --alias prod --instance-url http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toMatch(
      /lost track of the deploy after it started: .*INVALID_SESSION_ID|lost track of the deploy after it started: .*[Ss]ession/
    );
    expect(out).toMatch(/run vendor-access deploy --resume 0Af\w+ with the same flags to see how it ended/);
    expect(out).not.toContain('SUCCEEDED');
  });

  it('names the lost deploy with a stable code in --json', async () => {
    sim().faults.set({ onOperation: [{ op: 'checkDeployStatus', nth: 1, fault: 'expiredSession' }] });
    const { code, json } = await run('deploy', '-o', 'prod', ...VALUES, '--json');
    expect(code).toBe(69);
    const envelope = json() as { result: { orgs: Array<{ outcome: string; problems: Array<{ code: string }> }> } };
    expect(envelope.result.orgs[0]?.outcome).toBe('unknown');
    expect(envelope.result.orgs[0]?.problems.map((p) => p.code)).toEqual([
      'OrgLacksPermissionLabelled',
      'DeployStatusLost',
    ]);
    expect(envelope.result.orgs[0]?.problems).toContainEqual(
      expect.objectContaining({ code: 'DeployStatusLost', severity: 'error', field: 'status' })
    );
  });
});

describe('several orgs in one run', () => {
  useProjectCopyAsCwd();

  it('reports each org separately and exits 68 when only some succeed', async () => {
    Lifecycle.getInstance().onWarning(async () => {});
    const good = await startOrgSimulator({ shape: 'enterprise-shield' });
    // One values file serves both only if one org creates the users: the other is a sandbox holding
    // its copies of them (one username created in two orgs is refused up front: test/org/sandbox.test.ts).
    const bad = await startOrgSimulator({
      shape: 'enterprise',
      sandbox: { name: 'bad' },
      seed: {
        adminLacks: ['ModifyAllData', 'ModifyMetadata'],
        productionUsers: [
          { Username: 'ispm.integration@example.com.vendoraccess', profile: 'Standard User' },
          { Username: 'reco.integration@example.com.vendoraccess', profile: 'Minimum Access - API Only Integrations' },
        ],
      },
    });
    try {
      await loginWithAlias(good, 'good');
      await loginWithAlias(bad, 'bad');
      const { code, out } = await run('deploy', '-o', 'good', '-o', 'bad', ...VALUES, '--concurrency', '2');
      expect(code).toBe(68);
      expect(out).toMatch(/good \(admin\.\d+@sim\.example\.com, 00D\d+\): SUCCEEDED/);
      expect(out).toMatch(/bad \(admin\.\d+@sim\.example\.com\.bad, 00D\d+\): FAILED/);
      expect(calls(bad)).not.toContain('deploy');
    } finally {
      await good.stop();
      await bad.stop();
    }
  });
});
