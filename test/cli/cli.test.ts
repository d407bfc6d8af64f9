import { main } from '../../src/cli';
import { recordingIo } from '../../src/output/io';

describe('vendor-access CLI', () => {
  it('prints help with the exit-code table and exits 0', async () => {
    const io = recordingIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.text()).toContain('Exit codes:\n  0   all good: every org (and every step in it) did what was asked.');
  });

  it('rejects an unknown command with a usage error, exit 1 and no stack trace', async () => {
    const io = recordingIo();
    expect(await main(['frobnicate'], io)).toBe(1);
    expect(io.err.join('\n')).toMatch(/^Error \(UsageError\): Unknown command: frobnicate/);
    expect(io.err.join('\n')).toContain('Try this:');
    expect(io.text()).not.toMatch(/\n\s+at /);
  });

  it('reports a usage error as a JSON envelope with --json', async () => {
    const io = recordingIo();
    expect(await main(['frobnicate', '--json'], io)).toBe(1);
    const envelope = JSON.parse(io.out.join('')) as { actions: string[] };
    expect(envelope).toMatchObject({ status: 1, name: 'UsageError', exitCode: 1 });
    expect(envelope.actions[0]).toContain('vendor-access --help');
  });
});
