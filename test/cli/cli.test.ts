import { main } from '../../src/cli';
import { recordingIo } from '../../src/output/io';

describe('vendor-access CLI', () => {
  it('prints help with the exit-code table and exits 0', async () => {
    const io = recordingIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.text()).toContain('Exit codes: 0 everything succeeded; 1 failed');
  });
});
