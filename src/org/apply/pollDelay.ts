/** The first wait: a small deploy or validation often finishes within a second of being queued. */
export const FIRST_POLL_DELAY_MS = 100;

/**
 * How long to wait before status poll number `poll` (from 0): 100 ms, doubling each time, never
 * more than `maxMs` (VENDOR_ACCESS_POLL_INTERVAL_MS, default 1000 ms, the sf CLI's fixed
 * interval). A deploy that takes a second is seen done within about 100 ms instead of up to a
 * second later; a long one is polled no more often than before once the cap is reached.
 */
export const pollDelayMs = (poll: number, maxMs: number): number =>
  Math.min(maxMs, FIRST_POLL_DELAY_MS * 2 ** Math.max(0, poll));
