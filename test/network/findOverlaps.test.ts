import { findOverlaps, findOverlapsBetween, parseRangeSpec, rangesOverlap } from '../../src/network';
import type { Keyed, ParsedRange } from '../../src/network';

// A small deterministic generator: the same lists every run.
const random = (seed: number): (() => number) => {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
};

const rangeOf = (spec: string): ParsedRange => {
  const r = parseRangeSpec(spec);
  if (!r.ok) throw new Error(spec);
  return r.range;
};

const list = (seed: number, n: number): Array<Keyed<number>> => {
  const next = random(seed);
  return Array.from({ length: n }, (_, i) => {
    const a = Math.floor(next() * 400);
    const b = a + Math.floor(next() * 6);
    const spec =
      next() < 0.2
        ? `2001:db8::${a.toString(16)}-2001:db8::${b.toString(16)}`
        : `10.0.${a >> 8}.${a & 255}-10.0.${b >> 8}.${b & 255}`;
    return { key: i, range: rangeOf(spec) };
  });
};

describe('overlap checks by sort and sweep agree with comparing every pair', () => {
  it.each([1, 2, 3, 4, 5])(
    'within one list (seed %s): exactly the entries that overlap another are reported',
    (seed) => {
      const entries = list(seed, 120);
      const pairs = findOverlaps(entries);
      for (const { first, second } of pairs)
        expect(rangesOverlap(entries[first]?.range as ParsedRange, entries[second]?.range as ParsedRange)).toBe(true);
      // Every entry in an overlapping group but its first is reported, so the overlapping set is covered.
      const reported = new Set(pairs.flatMap((p) => [p.first, p.second]));
      const involved = new Set(
        entries.filter((a) => entries.some((b) => a.key !== b.key && rangesOverlap(a.range, b.range))).map((a) => a.key)
      );
      expect([...reported].sort()).toEqual([...involved].sort());
      expect(involved.size).toBeGreaterThan(0);
    }
  );

  it.each([6, 7, 8])(
    'between two lists (seed %s): each of ours that overlaps any of theirs is found, with one it overlaps',
    (seed) => {
      const ours = list(seed, 80);
      const theirs = list(seed + 100, 80);
      const expected = ours.filter((o) => theirs.some((t) => rangesOverlap(o.range, t.range))).map((o) => o.key);
      const found = findOverlapsBetween(ours, theirs);
      expect(found.map((f) => f.ours).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
      for (const f of found)
        expect(rangesOverlap(ours[f.ours]?.range as ParsedRange, theirs[f.theirs]?.range as ParsedRange)).toBe(true);
    }
  );
});
