export const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `from` to `to`, rounded down: 0.9 days left is 0, 0.5 days past is -1. */
export const wholeDays = (from: Date, to: Date): number => Math.floor((to.getTime() - from.getTime()) / DAY_MS);
