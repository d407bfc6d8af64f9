import { addressBits, formatIp, IpAddress, parseIp } from './ipAddress';

/** A trusted IP range as Salesforce stores it: start and end addresses, inclusive. */
export type IpRange = { start: string; end: string; description?: string };

/**
 * Salesforce's limits for one trusted range (Setup help, copied in reference C): an IPv4 range may
 * hold at most 33,554,432 addresses (a /7), an IPv6 range at most 2^96 (a /32).
 */
export const MAX_RANGE_SIZE = { 4: 2n ** 25n, 6: 2n ** 96n } as const;

export type ParsedRange = { start: IpAddress; end: IpAddress };

/** The shortest prefix Salesforce accepts per family: 2^25 addresses is a /7, 2^96 a /32. */
const MAX_PREFIX = { 4: 7, 6: 32 } as const;

/** The largest block Salesforce accepts that holds `address`, as CIDR. */
const largestBlockAt = (address: IpAddress): string => {
  const hostBits = BigInt(addressBits(address.family) - MAX_PREFIX[address.family]);
  const mask = (1n << hostBits) - 1n;
  return `${formatIp({ family: address.family, value: address.value & ~mask })}/${MAX_PREFIX[address.family]}`;
};

/**
 * A concrete split of an oversize range into pieces Salesforce accepts: consecutive blocks of the
 * largest size, written as CIDR when aligned, else start-end. Every piece named passes checkRange.
 */
const splitFix = (range: ParsedRange): string[] => {
  const max = MAX_RANGE_SIZE[range.start.family];
  const size = range.end.value - range.start.value + 1n;
  const count = (size + max - 1n) / max;
  const pieces: string[] = [];
  // Three pieces at most are named, so a /0 costs no more than a /6.
  for (let at = range.start.value; at <= range.end.value && pieces.length < 3; at += max) {
    const last = at + max - 1n < range.end.value ? at + max - 1n : range.end.value;
    const aligned = at % max === 0n && last - at + 1n === max;
    const first = formatIp({ family: range.start.family, value: at });
    pieces.push(
      aligned
        ? `${first}/${MAX_PREFIX[range.start.family]}`
        : `${first}-${formatIp({ family: range.start.family, value: last })}`
    );
  }
  return [String(count), pieces.join(', '), count > 3n ? ', …' : ''];
};

/**
 * Why a range is refused: a code of messages/network.md (`problem.<code>`, `problem.<code>.fix`)
 * with the values its texts take. `rangeProblem` turns it into a Problem at the place it was found.
 */
export type RangeFault = { code: string; tokens: string[]; fixTokens: string[] };

export type RangeParseResult = { ok: true; range: ParsedRange } | { ok: false; fault: RangeFault };

const fail = (code: string, tokens: string[], fixTokens: string[] = []): RangeParseResult => ({
  ok: false,
  fault: { code, tokens, fixTokens },
});

/**
 * `::ffff:a.b.c.d`, an IPv4 address written as IPv6 (RFC 4291 2.5.5.2). Refused rather than
 * converted: whether Salesforce matches an IPv4 login against such a range is unverified (no source
 * in reference/ settles it), and a range that silently never matches locks the vendor out.
 */
const isIpv4Mapped = (ip: IpAddress): boolean => ip.family === 6 && ip.value >> 32n === 0xff_ffn;

/** Checks a start/end pair against Salesforce's rules: same family, start ≤ end, size limit. */
export const checkRange = (startText: string, endText: string): RangeParseResult => {
  const start = parseIp(startText);
  const end = parseIp(endText);
  if (!start) return fail('RangeAddressInvalid', [startText]);
  if (!end) return fail('RangeAddressInvalid', [endText]);
  const mapped = [start, end].some(isIpv4Mapped);
  if (mapped && isIpv4Mapped(start) && isIpv4Mapped(end) && start.value <= end.value) {
    const v4 = (ip: IpAddress): string => formatIp({ family: 4, value: ip.value & 0xff_ff_ff_ffn });
    const fix = start.value === end.value ? v4(start) : `${v4(start)}-${v4(end)}`;
    return fail('RangeIpv4Mapped', [startText === endText ? startText : `${startText}-${endText}`], [fix]);
  }
  if (mapped) return fail('RangeIpv4Mapped', [isIpv4Mapped(start) ? startText : endText], ['its IPv4 form']);
  if (start.family !== end.family) return fail('RangeFamiliesMixed', [startText, endText]);
  if (start.value > end.value) return fail('RangeReversed', [startText, endText]);
  const size = end.value - start.value + 1n;
  if (size > MAX_RANGE_SIZE[start.family]) {
    const limit = start.family === 4 ? '33,554,432 addresses (a /7)' : '2^96 addresses (a /32)';
    return fail('RangeTooLarge', [startText, endText, String(size), limit], splitFix({ start, end }));
  }
  return { ok: true, range: { start, end } };
};

/**
 * Reads a range written as a CIDR block (`203.0.113.0/28`), a single address (`198.51.100.7`)
 * or `start-end`. A CIDR must name its network address exactly, because a misplaced host bit
 * usually means a typo that would trust the wrong block.
 */
export const parseRangeSpec = (spec: string): RangeParseResult => {
  const result = parseSpec(spec.trim());
  // An IPv4-mapped range is named as the user wrote it, not as the expanded IPv6 addresses.
  return !result.ok && result.fault.code === 'RangeIpv4Mapped'
    ? fail('RangeIpv4Mapped', [spec.trim()], result.fault.fixTokens)
    : result;
};

const parseSpec = (text: string): RangeParseResult => {
  if (text.includes('/')) {
    const [addressText = '', prefixText = '', ...rest] = text.split('/');
    if (rest.length) return fail('CidrTwoSlashes', [text]);
    const address = parseIp(addressText);
    if (!address) return fail('CidrAddressInvalid', [addressText]);
    const bits = addressBits(address.family);
    const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits) {
      return fail('CidrPrefixInvalid', [prefixText, String(address.family), String(bits)]);
    }
    const hostBits = BigInt(bits - prefix);
    const mask = (1n << hostBits) - 1n;
    if ((address.value & mask) !== 0n) {
      const network = formatIp({ family: address.family, value: address.value & ~mask });
      // The fix offered must itself be accepted: a block over the size limit is never suggested.
      return 1n << hostBits > MAX_RANGE_SIZE[address.family]
        ? fail(
            'CidrHostBitsSetTooLarge',
            [text, network],
            [String(prefix), String(MAX_PREFIX[address.family]), largestBlockAt(address)]
          )
        : fail('CidrHostBitsSet', [text, network], [network, String(prefix)]);
    }
    const end = { family: address.family, value: address.value | mask };
    return checkRange(formatIp(address), formatIp(end));
  }
  if (text.includes('-')) {
    const [startText = '', endText = '', ...rest] = text.split('-').map((s) => s.trim());
    if (rest.length) return fail('RangeTwoDashes', [text]);
    return checkRange(startText, endText);
  }
  return checkRange(text, text);
};

export const formatRange = (range: ParsedRange): { start: string; end: string } => ({
  start: formatIp(range.start),
  end: formatIp(range.end),
});

export const rangeSize = (range: ParsedRange): bigint => range.end.value - range.start.value + 1n;

export const rangesOverlap = (a: ParsedRange, b: ParsedRange): boolean =>
  a.start.family === b.start.family && a.start.value <= b.end.value && b.start.value <= a.end.value;
