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
const splitFix = (range: ParsedRange): string => {
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
  return `Split it into ${count} ranges of at most that size: ${pieces.join(', ')}${count > 3n ? ', …' : ''}.`;
};

export type RangeParseResult = { ok: true; range: ParsedRange } | { ok: false; reason: string; fix: string };

const fail = (reason: string, fix: string): RangeParseResult => ({ ok: false, reason, fix });

/** Checks a start/end pair against Salesforce's rules: same family, start ≤ end, size limit. */
export const checkRange = (startText: string, endText: string): RangeParseResult => {
  const start = parseIp(startText);
  const end = parseIp(endText);
  if (!start)
    return fail(
      `"${startText}" is not an IPv4 or IPv6 address`,
      'Write an address such as 203.0.113.10 or 2001:db8::1.'
    );
  if (!end)
    return fail(`"${endText}" is not an IPv4 or IPv6 address`, 'Write an address such as 203.0.113.10 or 2001:db8::1.');
  if (start.family !== end.family) {
    return fail(
      `start ${startText} and end ${endText} mix IPv4 and IPv6`,
      'Use the same address family for both ends.'
    );
  }
  if (start.value > end.value) {
    return fail(
      `start ${startText} is after end ${endText}`,
      'Swap the two addresses so the range starts at the lower one.'
    );
  }
  const size = end.value - start.value + 1n;
  if (size > MAX_RANGE_SIZE[start.family]) {
    const limit = start.family === 4 ? '33,554,432 addresses (a /7)' : '2^96 addresses (a /32)';
    return fail(
      `${startText}-${endText} holds ${size} addresses; Salesforce allows at most ${limit} in one range`,
      splitFix({ start, end })
    );
  }
  return { ok: true, range: { start, end } };
};

/**
 * Reads a range written as a CIDR block (`203.0.113.0/28`), a single address (`198.51.100.7`)
 * or `start-end`. A CIDR must name its network address exactly, because a misplaced host bit
 * usually means a typo that would trust the wrong block.
 */
export const parseRangeSpec = (spec: string): RangeParseResult => {
  const text = spec.trim();
  if (text.includes('/')) {
    const [addressText = '', prefixText = '', ...rest] = text.split('/');
    if (rest.length)
      return fail(
        `"${text}" has more than one "/"`,
        'Write a CIDR block with one prefix length, such as 203.0.113.0/28.'
      );
    const address = parseIp(addressText);
    if (!address)
      return fail(`"${addressText}" is not an IPv4 or IPv6 address`, 'Write a CIDR block such as 203.0.113.0/28.');
    const bits = addressBits(address.family);
    const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits) {
      return fail(
        `"/${prefixText}" is not a prefix length for IPv${address.family} (0-${bits})`,
        'Write a CIDR block such as 203.0.113.0/28.'
      );
    }
    const hostBits = BigInt(bits - prefix);
    const mask = (1n << hostBits) - 1n;
    if ((address.value & mask) !== 0n) {
      const network = formatIp({ family: address.family, value: address.value & ~mask });
      // The fix offered must itself be accepted: a block over the size limit is never suggested.
      const fix =
        1n << hostBits > MAX_RANGE_SIZE[address.family]
          ? `A /${prefix} is also larger than Salesforce allows; write the block you mean, at most /${
              MAX_PREFIX[address.family]
            }, e.g. ${largestBlockAt(address)}.`
          : `Write ${network}/${prefix}, or a single address without a prefix.`;
      return fail(`${text} has host bits set; the block starts at ${network}`, fix);
    }
    const end = { family: address.family, value: address.value | mask };
    return checkRange(formatIp(address), formatIp(end));
  }
  if (text.includes('-')) {
    const [startText = '', endText = '', ...rest] = text.split('-').map((s) => s.trim());
    if (rest.length)
      return fail(`"${text}" has more than one "-"`, 'Write a range as start-end, e.g. 192.0.2.10-192.0.2.20.');
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
