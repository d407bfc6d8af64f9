import { pollDelayMs } from '../../src/org/apply/pollDelay';

describe('deploy status polls back off from a short start', () => {
  it('waits 100 ms first, doubles, and never exceeds the configured interval', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((poll) => pollDelayMs(poll, 1000))).toEqual([
      100, 200, 400, 800, 1000, 1000, 1000,
    ]);
  });

  it('keeps a cap below the first step (VENDOR_ACCESS_POLL_INTERVAL_MS=20 polls every 20 ms)', () => {
    expect([0, 1, 2].map((poll) => pollDelayMs(poll, 20))).toEqual([20, 20, 20]);
  });

  it('reaches a long cap by doubling, so a long deploy is polled no more often than at the cap', () => {
    const delays = Array.from({ length: 12 }, (_, poll) => pollDelayMs(poll, 5000));
    expect(delays.slice(0, 7)).toEqual([100, 200, 400, 800, 1600, 3200, 5000]);
    expect(new Set(delays.slice(6))).toEqual(new Set([5000]));
  });
});
