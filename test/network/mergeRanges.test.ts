import { mergeTrustedRanges, removeOwnedRanges } from '../../src/network';

const corporate = { start: '198.51.100.0', end: '198.51.100.255', description: 'Head office' };
const vpn = { start: '2001:DB8::1', end: '2001:DB8::1', description: 'VPN egress' };
const ispm1 = { start: '18.98.16.160', end: '18.98.16.191', description: 'ISPM IP number 1' };
const ispm4 = { start: '13.52.68.184', end: '13.52.68.184', description: 'ISPM IP number 4' };
const reco1 = { start: '203.0.113.0', end: '203.0.113.15', description: 'Reco IP number 1' };
const ISPM = { owner: 'ISPM', descriptionPrefix: 'ISPM IP number' };
const RECO = { owner: 'Reco', descriptionPrefix: 'Reco IP number' };

describe('merging trusted ranges', () => {
  it('keeps every range the org has, in order, and appends each vendor range once', () => {
    const merge = mergeTrustedRanges(
      [corporate, vpn],
      [
        { ...ISPM, ranges: [ispm1, ispm4] },
        { ...RECO, ranges: [reco1] },
      ]
    );
    expect(merge.ranges).toEqual([corporate, vpn, ispm1, ispm4, reco1]);
    expect(merge.added.map((r) => `${r.owner} ${r.description}`)).toEqual([
      'ISPM ISPM IP number 1',
      'ISPM ISPM IP number 4',
      'Reco Reco IP number 1',
    ]);
    expect(merge.kept).toEqual([corporate, vpn]);
  });

  it('is a no-op the second time: nothing added, nothing lost', () => {
    const first = mergeTrustedRanges([corporate], [{ ...ISPM, ranges: [ispm1, ispm4] }]);
    const second = mergeTrustedRanges(first.ranges, [{ ...ISPM, ranges: [ispm1, ispm4] }]);
    expect(second.added).toEqual([]);
    expect(second.ranges).toEqual(first.ranges);
  });

  it('does not add a vendor address the org already trusts under another name, and says so', () => {
    const existing = { start: '13.52.68.184', end: '13.52.68.184', description: 'added by hand' };
    const merge = mergeTrustedRanges([existing], [{ ...ISPM, ranges: [ispm4] }]);
    expect(merge.ranges).toEqual([existing]);
    expect(merge.alreadyTrusted).toEqual([{ wanted: { ...ispm4, owner: 'ISPM' }, existing }]);
  });

  it('compares addresses, not text', () => {
    const merge = mergeTrustedRanges(
      [vpn],
      [
        {
          owner: 'X',
          descriptionPrefix: 'X',
          ranges: [{ start: '2001:db8::1', end: '2001:0db8:0:0:0:0:0:1', description: 'X 1' }],
        },
      ]
    );
    expect(merge.added).toEqual([]);
  });

  it('keeps a range the vendor no longer publishes and reports it as stale', () => {
    const old = { start: '54.0.0.1', end: '54.0.0.1', description: 'ISPM IP number 10' };
    const merge = mergeTrustedRanges([corporate, old], [{ ...ISPM, ranges: [ispm1] }]);
    expect(merge.ranges).toEqual([corporate, old, ispm1]);
    expect(merge.stale).toEqual([{ ...old, owner: 'ISPM' }]);
  });

  it('offboarding removes only the ranges the vendor owns', () => {
    const { ranges, removed } = removeOwnedRanges([corporate, ispm1, reco1, ispm4], { ...ISPM, ranges: [] });
    expect(ranges).toEqual([corporate, reco1]);
    expect(removed).toEqual([ispm1, ispm4]);
  });
});
