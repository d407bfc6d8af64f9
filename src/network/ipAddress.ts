/** An IPv4 or IPv6 address as a number, so ranges can be compared and sized exactly. */
export type IpAddress = { family: 4 | 6; value: bigint };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

const parseIpv4 = (text: string): bigint | undefined => {
  const match = IPV4.exec(text);
  if (!match) return undefined;
  let value = 0n;
  for (const part of match.slice(1)) {
    // Leading zeros are ambiguous (octal in some parsers); Salesforce's UI rejects them too.
    if (part.length > 1 && part.startsWith('0')) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = (value << 8n) + BigInt(octet);
  }
  return value;
};

const parseIpv6 = (text: string): bigint | undefined => {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.split('::').length > 2) return undefined;
  let groups: string[];
  const [head = '', tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const last = (tail === undefined ? headGroups : tailGroups).at(-1);
  const expandV4 = (list: string[]): string[] | undefined => {
    if (!last?.includes('.')) return list;
    const v4 = parseIpv4(last);
    if (v4 === undefined) return undefined;
    return [...list.slice(0, -1), ((v4 >> 16n) & 0xff_ffn).toString(16), (v4 & 0xff_ffn).toString(16)];
  };
  if (tail === undefined) {
    const expanded = expandV4(headGroups);
    if (!expanded || expanded.length !== 8) return undefined;
    groups = expanded;
  } else {
    const expandedTail = expandV4(tailGroups);
    if (!expandedTail) return undefined;
    const missing = 8 - headGroups.length - expandedTail.length;
    if (missing < 1) return undefined;
    groups = [...headGroups, ...Array<string>(missing).fill('0'), ...expandedTail];
  }
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) + BigInt(parseInt(group, 16));
  }
  return value;
};

/** Parses a textual IPv4 or IPv6 address; undefined when it is neither. */
export const parseIp = (text: string): IpAddress | undefined => {
  const trimmed = text.trim();
  const v4 = parseIpv4(trimmed);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseIpv6(trimmed);
  return v6 === undefined ? undefined : { family: 6, value: v6 };
};

/** Canonical text: dotted quad, or RFC 5952 compressed IPv6. */
export const formatIp = (ip: IpAddress): string => {
  if (ip.family === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => ((ip.value >> shift) & 0xffn).toString()).join('.');
  }
  const groups = Array.from({ length: 8 }, (_, i) => Number((ip.value >> BigInt(112 - i * 16)) & 0xff_ffn));
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength && j - i > 1) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
};

export const addressBits = (family: 4 | 6): number => (family === 4 ? 32 : 128);
