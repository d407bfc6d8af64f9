import type { Problem } from '../inputs/problem';
import { describe } from '../catalogue/shapeCheck';
import type { Vendor } from '../catalogue';
import { INPUT_LIMITS } from '../files';
import { IpRange, ParsedRange, findOverlaps, formatRange, parseRangeSpec } from '../network';

type Where = { file: string; field: string };

// Salesforce usernames and emails are address-shaped; the replacements put them into XML
// unescaped (SDR's ReplacementStream does no escaping), so XML-special characters are refused.
const EMAIL = /^[^\s@<>&"']+@[^\s@<>&"'.]+(\.[^\s@<>&"'.]+)+$/;

/** The list position in a field such as `vendors.reco.trustedRanges[12]`, for a stable report order. */
const indexOf = (field: string): number => Number(/\[(\d+)\]$/.exec(field)?.[1] ?? -1);

const problem = (where: Where, message: string, fix: string): Problem => ({
  severity: 'error',
  ...where,
  message,
  fix,
});

export const checkEmail = (value: unknown, where: Where, what = 'an email address'): Problem[] => {
  if (typeof value !== 'string')
    return [
      problem(where, `must be ${what} string, found ${describe(value)}`, `Write ${what} such as name@example.com.`),
    ];
  if (/[<>&"']/.test(value))
    return [
      problem(
        where,
        `"${value}" contains a character XML cannot hold unescaped (< > & " ')`,
        'Remove the character; Salesforce addresses do not need it.'
      ),
    ];
  if (!EMAIL.test(value))
    return [problem(where, `"${value}" is not ${what}`, `Write ${what} such as name@example.com.`)];
  if (value.length > 80)
    return [
      problem(
        where,
        `"${value}" is longer than 80 characters`,
        'Salesforce limits usernames and emails to 80 characters; use a shorter one.'
      ),
    ];
  return [];
};

export const checkFeatures = (
  value: unknown,
  where: Where,
  vendor: Vendor
): { features: string[]; problems: Problem[] } => {
  if (!Array.isArray(value))
    return {
      features: [],
      problems: [
        problem(
          where,
          `must be a list of feature names, found ${describe(value)}`,
          `Write e.g. ["${vendor.features[0]?.id ?? 'feature'}"].`
        ),
      ],
    };
  const known = vendor.features.map((f) => f.id);
  const problems = value.flatMap((item, i) =>
    typeof item === 'string' && known.includes(item)
      ? []
      : [
          problem(
            { ...where, field: `${where.field}[${i}]` },
            `${describe(item)} is not a ${vendor.name} feature`,
            known.length
              ? `Use one of: ${known.join(', ')}.`
              : `${vendor.name} has no optional features; remove the list.`
          ),
        ]
  );
  return { features: problems.length ? [] : [...new Set(value as string[])], problems };
};

/**
 * Validates per-org trusted ranges: syntax, Salesforce's size and family rules, and overlaps among
 * themselves (an overlap is almost always a typo, and Salesforce would store both).
 */
export const checkIpRanges = (
  value: unknown,
  where: Where,
  prefix: string
): { ranges: IpRange[]; parsed: ParsedRange[]; problems: Problem[] } => {
  if (!Array.isArray(value)) {
    return {
      ranges: [],
      parsed: [],
      problems: [
        problem(
          where,
          `must be a list of CIDRs, addresses or start-end ranges, found ${describe(value)}`,
          'Write e.g. ["203.0.113.0/28", "198.51.100.7"].'
        ),
      ],
    };
  }
  if (value.length > INPUT_LIMITS.trustedRanges) {
    return {
      ranges: [],
      parsed: [],
      problems: [
        problem(
          where,
          `holds ${value.length} ranges; at most ${INPUT_LIMITS.trustedRanges} are accepted in one list`,
          'Merge neighbouring addresses into CIDR blocks or start-end ranges; no vendor publishes that many.'
        ),
      ],
    };
  }
  const problems: Problem[] = [];
  const parsed: Array<{ index: number; range: ParsedRange; text: string }> = [];
  value.forEach((item, i) => {
    const at = { ...where, field: `${where.field}[${i}]` };
    if (typeof item !== 'string') {
      problems.push(
        problem(
          at,
          `must be a string, found ${describe(item)}`,
          'Write the range as a string such as "203.0.113.0/28".'
        )
      );
      return;
    }
    const result = parseRangeSpec(item);
    if (!result.ok) problems.push(problem(at, result.reason, result.fix));
    else parsed.push({ index: i, range: result.range, text: item });
  });
  // Sort and sweep: O(n log n), so a long list is checked in milliseconds.
  for (const { first, second } of findOverlaps(parsed.map((p) => ({ key: p, range: p.range })))) {
    const [a, b] = first.index < second.index ? [first, second] : [second, first];
    problems.push(
      problem(
        { ...where, field: `${where.field}[${b.index}]` },
        `"${b.text}" overlaps "${a.text}" (entry ${a.index})`,
        'Remove the duplicate or merge the two into one range.'
      )
    );
  }
  problems.sort((x, y) => indexOf(x.field) - indexOf(y.field));
  const ranges = parsed.map(({ range }, n) => ({ ...formatRange(range), description: `${prefix} ${n + 1}` }));
  return { ranges, parsed: parsed.map((p) => p.range), problems };
};
