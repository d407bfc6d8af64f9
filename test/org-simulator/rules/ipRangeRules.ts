/**
 * Trusted IP range rules (Setup help as copied in reference C): both ends the same family, start
 * not after end, at most 2^25 IPv4 or 2^96 IPv6 addresses. Error wording is unverified: Salesforce
 * documents the limits, not the deploy messages.
 */
const v4 = (s: string): bigint | undefined => {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) + BigInt(p), 0n);
};

const v6 = (s: string): bigint | undefined => {
  if (!/^[0-9a-fA-F:]+$/.test(s) || s.split('::').length > 2) return undefined;
  const [head = '', tail] = s.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g, 16)), 0n);
};

/** An address as a number with its family, or undefined when it is not an IPv4 or IPv6 address. */
export const addressValue = (s: string): { family: 4 | 6; value: bigint } | undefined => {
  const a = v4(s);
  if (a !== undefined) return { family: 4, value: a };
  const b = v6(s);
  return b === undefined ? undefined : { family: 6, value: b };
};

export const ipRangeProblem = (start: string, end: string): string | undefined => {
  const [s4, e4, s6, e6] = [v4(start), v4(end), v6(start), v6(end)];
  if (s4 === undefined && s6 === undefined) return `Invalid IP address: ${start}`;
  if (e4 === undefined && e6 === undefined) return `Invalid IP address: ${end}`;
  if ((s4 === undefined) !== (e4 === undefined))
    return `Invalid IP range: ${start} and ${end} must both be IPv4 or both be IPv6`;
  const [a, b, limit] = s4 !== undefined ? [s4, e4 as bigint, 2n ** 25n] : [s6 as bigint, e6 as bigint, 2n ** 96n];
  if (a > b) return `Invalid IP range: the start address ${start} is after the end address ${end}`;
  if (b - a + 1n > limit) return `Invalid IP range: ${start} to ${end} is too large`;
  return undefined;
};
