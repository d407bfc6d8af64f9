import type { ParsedRange } from './ipRange';

export type Keyed<K> = { key: K; range: ParsedRange };

const byStart = <K>(a: Keyed<K>, b: Keyed<K>): number =>
  a.range.start.family - b.range.start.family ||
  (a.range.start.value < b.range.start.value ? -1 : a.range.start.value > b.range.start.value ? 1 : 0);

/**
 * Overlaps within one list by sort and sweep, O(n log n): after sorting by start, an entry overlaps
 * an earlier one exactly when it starts at or before the furthest end seen so far in its family.
 * Each overlapping entry is reported once, with the entry reaching furthest that it overlaps.
 */
export const findOverlaps = <K>(entries: Array<Keyed<K>>): Array<{ first: K; second: K }> => {
  const sorted = [...entries].sort(byStart);
  const found: Array<{ first: K; second: K }> = [];
  let reach: Keyed<K> | undefined;
  for (const entry of sorted) {
    if (
      reach &&
      reach.range.start.family === entry.range.start.family &&
      entry.range.start.value <= reach.range.end.value
    ) {
      found.push({ first: reach.key, second: entry.key });
      if (entry.range.end.value > reach.range.end.value) reach = entry;
    } else if (
      !reach ||
      reach.range.start.family !== entry.range.start.family ||
      entry.range.end.value > reach.range.end.value
    ) {
      reach = entry;
    }
  }
  return found;
};

/**
 * For each entry of `ours`, one entry of `theirs` it overlaps, if any: `theirs` sorted once, with
 * the furthest-reaching entry up to each position, then one binary search per entry of `ours`:
 * O((n + m) log m).
 */
export const findOverlapsBetween = <A, B>(
  ours: Array<Keyed<A>>,
  theirs: Array<Keyed<B>>
): Array<{ ours: A; theirs: B }> => {
  const found: Array<{ ours: A; theirs: B }> = [];
  for (const family of [4, 6] as const) {
    const sorted = theirs.filter((t) => t.range.start.family === family).sort(byStart);
    const furthest: Array<Keyed<B>> = [];
    sorted.forEach((t, i) => {
      const previous = furthest[i - 1];
      furthest.push(previous && previous.range.end.value >= t.range.end.value ? previous : t);
    });
    for (const entry of ours.filter((o) => o.range.start.family === family)) {
      // The last of theirs that starts at or before our end.
      let lo = 0;
      let hi = sorted.length - 1;
      let last = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((sorted[mid] as Keyed<B>).range.start.value <= entry.range.end.value) {
          last = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const candidate = last >= 0 ? furthest[last] : undefined;
      if (candidate && candidate.range.end.value >= entry.range.start.value)
        found.push({ ours: entry.key, theirs: candidate.key });
    }
  }
  return found;
};
