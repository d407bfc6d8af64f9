import { formatIp, parseIp, parseRangeSpec, rangeProblem } from '../../src/network';

const WHERE = { file: 'f', field: 'x' };

const range = (spec: string): string => {
  const r = parseRangeSpec(spec);
  return r.ok
    ? `${formatIp(r.range.start)}-${formatIp(r.range.end)}`
    : `error: ${rangeProblem(r.fault, WHERE).message}`;
};

describe('trusted range specs', () => {
  it.each([
    ['18.98.16.160/27', '18.98.16.160-18.98.16.191'],
    ['3.44.64.96/27', '3.44.64.96-3.44.64.127'],
    ['13.52.68.184', '13.52.68.184-13.52.68.184'],
    ['13.52.68.184/32', '13.52.68.184-13.52.68.184'],
    ['192.0.2.10 - 192.0.2.20', '192.0.2.10-192.0.2.20'],
    ['0.0.0.0/7', '0.0.0.0-1.255.255.255'],
    ['2001:db8::/32', '2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff'],
    ['2001:DB8::1', '2001:db8::1-2001:db8::1'],
  ])('%s expands to %s', (spec, expected) => {
    expect(range(spec)).toBe(expected);
  });

  it.each([
    [
      '0.0.0.0/6',
      'error: 0.0.0.0-3.255.255.255 holds 67108864 addresses; Salesforce allows at most 33,554,432 addresses (a /7) in one range',
    ],
    [
      '2001:db8::/31',
      'error: 2001:db8::-2001:db9:ffff:ffff:ffff:ffff:ffff:ffff holds 158456325028528675187087900672 addresses; Salesforce allows at most 2^96 addresses (a /32) in one range',
    ],
    ['10.0.0.256', 'error: "10.0.0.256" is not an IPv4 or IPv6 address'],
    ['010.0.0.1', 'error: "010.0.0.1" is not an IPv4 or IPv6 address'],
    ['1.2.3.4-5.6.7.8-9.9.9.9', 'error: "1.2.3.4-5.6.7.8-9.9.9.9" has more than one "-"'],
    ['2001:db8::1::2', 'error: "2001:db8::1::2" is not an IPv4 or IPv6 address'],
  ])('%s is rejected', (spec, expected) => {
    expect(range(spec)).toBe(expected);
  });

  it('formats IPv6 in RFC 5952 form (longest zero run compressed, lower case)', () => {
    const ip = parseIp('2001:0DB8:0000:0000:0001:0000:0000:0001');
    expect(ip && formatIp(ip)).toBe('2001:db8::1:0:0:1');
  });
});

describe('range refusals whose fix is itself accepted', () => {
  const fixOf = (spec: string): string => {
    const r = parseRangeSpec(spec);
    if (r.ok) throw new Error(`${spec} was accepted`);
    return rangeProblem(r.fault, WHERE).fix;
  };
  const suggested = (fix: string): string[] => fix.match(/[0-9a-f.:]+(?:\/\d+|-[0-9a-f.:]+)/g) ?? [];

  it('refuses more than one prefix length instead of reading 198.51.100.0/24/8 as a /24', () => {
    const r = parseRangeSpec('198.51.100.0/24/8');
    expect(r).toEqual({ ok: false, fault: { code: 'CidrTwoSlashes', tokens: ['198.51.100.0/24/8'], fixTokens: [] } });
    if (r.ok) return;
    expect(rangeProblem(r.fault, WHERE)).toEqual({
      code: 'CidrTwoSlashes',
      severity: 'error',
      ...WHERE,
      message: '"198.51.100.0/24/8" has more than one "/"',
      fix: 'Write a CIDR block with one prefix length, such as 203.0.113.0/28.',
    });
  });

  it.each(['10.0.0.0/6', '10.0.0.0/2', '2001:db8::1/16'])(
    '%s (host bits set and too large): every block the fix names is accepted',
    (spec) => {
      const fix = fixOf(spec);
      expect(suggested(fix).length).toBeGreaterThan(0);
      for (const block of suggested(fix)) expect([block, parseRangeSpec(block).ok]).toEqual([block, true]);
    }
  );

  it.each(['8.0.0.0/6', '0.0.0.0/0', '1.0.0.0-9.0.0.0', '::/0'])(
    '%s (too large): the split it offers is accepted piece by piece',
    (spec) => {
      const fix = fixOf(spec);
      expect(fix).toMatch(/^Split it into \d+ ranges of at most that size: /);
      for (const piece of suggested(fix)) expect([piece, parseRangeSpec(piece).ok]).toEqual([piece, true]);
    }
  );

  it('names the split exactly for a /6', () => {
    expect(fixOf('8.0.0.0/6')).toBe('Split it into 2 ranges of at most that size: 8.0.0.0/7, 10.0.0.0/7.');
  });

  it.each([
    ['::ffff:198.51.100.7', '198.51.100.7'],
    ['::ffff:198.51.100.0-::ffff:198.51.100.255', '198.51.100.0-198.51.100.255'],
    ['::ffff:203.0.113.0/120', '203.0.113.0-203.0.113.255'],
  ])('refuses the IPv4-mapped %s, naming the IPv4 form', (spec, v4) => {
    const result = parseRangeSpec(spec);
    expect(result).toMatchObject({ ok: false, fault: { code: 'RangeIpv4Mapped', fixTokens: [v4] } });
  });

  it('refuses a range from an IPv4-mapped address to a plain IPv6 one', () => {
    expect(parseRangeSpec('::ffff:198.51.100.7-2001:db8::1')).toMatchObject({
      ok: false,
      fault: { code: 'RangeIpv4Mapped', fixTokens: ['its IPv4 form'] },
    });
  });
});
