import type { Problem } from '../output/problem';
import { describe } from '../catalogue/shapeCheck';
import type { Vendor, ValueSpec } from '../catalogue';
import { IpRange, ParsedRange, formatRange, parseRangeSpec, rangesOverlap } from '../network';

type Where = { file: string; field: string };

// Salesforce usernames and emails are address-shaped; the replacements put them into XML
// unescaped (SDR's ReplacementStream does no escaping), so XML-special characters are refused.
const EMAIL = /^[^\s@<>&"']+@[^\s@<>&"'.]+(\.[^\s@<>&"'.]+)+$/;

const problem = (where: Where, message: string, fix: string): Problem => ({ severity: 'error', ...where, message, fix });

export const checkEmail = (value: unknown, where: Where, what = 'an email address'): Problem[] => {
  if (typeof value !== 'string') return [problem(where, `must be ${what} string, found ${describe(value)}`, `Write ${what} such as name@example.com.`)];
  if (/[<>&"']/.test(value)) return [problem(where, `"${value}" contains a character XML cannot hold unescaped (< > & " ')`, 'Remove the character; Salesforce addresses do not need it.')];
  if (!EMAIL.test(value)) return [problem(where, `"${value}" is not ${what}`, `Write ${what} such as name@example.com.`)];
  if (value.length > 80) return [problem(where, `"${value}" is longer than 80 characters`, 'Salesforce limits usernames and emails to 80 characters; use a shorter one.')];
  return [];
};

export const checkFeatures = (value: unknown, where: Where, vendor: Vendor): { features: string[]; problems: Problem[] } => {
  if (!Array.isArray(value)) return { features: [], problems: [problem(where, `must be a list of feature names, found ${describe(value)}`, `Write e.g. ["${vendor.features[0]?.id ?? 'feature'}"].`)] };
  const known = vendor.features.map((f) => f.id);
  const problems = value.flatMap((item, i) =>
    typeof item === 'string' && known.includes(item)
      ? []
      : [problem({ ...where, field: `${where.field}[${i}]` }, `${describe(item)} is not a ${vendor.name} feature`, known.length ? `Use one of: ${known.join(', ')}.` : `${vendor.name} has no optional features; remove the list.`)],
  );
  return { features: problems.length ? [] : [...new Set(value as string[])], problems };
};

/**
 * Validates per-org trusted ranges: syntax, Salesforce's size and family rules, and overlaps among
 * themselves (an overlap is almost always a typo, and Salesforce would store both).
 */
export const checkIpRanges = (value: unknown, where: Where, prefix: string): { ranges: IpRange[]; parsed: ParsedRange[]; problems: Problem[] } => {
  if (!Array.isArray(value)) {
    return { ranges: [], parsed: [], problems: [problem(where, `must be a list of CIDRs, addresses or start-end ranges, found ${describe(value)}`, 'Write e.g. ["203.0.113.0/28", "198.51.100.7"].')] };
  }
  const problems: Problem[] = [];
  const parsed: Array<{ index: number; range: ParsedRange; text: string }> = [];
  value.forEach((item, i) => {
    const at = { ...where, field: `${where.field}[${i}]` };
    if (typeof item !== 'string') {
      problems.push(problem(at, `must be a string, found ${describe(item)}`, 'Write the range as a string such as "203.0.113.0/28".'));
      return;
    }
    const result = parseRangeSpec(item);
    if (!result.ok) problems.push(problem(at, result.reason, result.fix));
    else parsed.push({ index: i, range: result.range, text: item });
  });
  for (let i = 0; i < parsed.length; i++) {
    for (let j = i + 1; j < parsed.length; j++) {
      const [a, b] = [parsed[i], parsed[j]];
      if (a && b && rangesOverlap(a.range, b.range)) {
        problems.push(problem({ ...where, field: `${where.field}[${b.index}]` }, `"${b.text}" overlaps "${a.text}" (entry ${a.index})`, 'Remove the duplicate or merge the two into one range.'));
      }
    }
  }
  const ranges = parsed.map(({ range }, n) => ({ ...formatRange(range), description: `${prefix} ${n + 1}` }));
  return { ranges, parsed: parsed.map((p) => p.range), problems };
};

export const specFor = (vendor: Vendor, key: string): ValueSpec | undefined => vendor.values.find((v) => v.key === key);
