import { type Problem, type Where, problemsFrom } from '../problems';
import { describe, type Vendor } from '../catalogue';
import { echo } from '../messages';
import { INPUT_LIMITS } from '../files';
import { IpRange, ParsedRange, findOverlaps, formatRange, parseRangeSpec, rangeProblem } from '../network';
import { invisibleCharacters, nonAsciiCharacters } from './xmlCharacter';

const problem = problemsFrom('values');

// Salesforce usernames and emails are address-shaped; the replacements put them into XML
// unescaped (SDR's ReplacementStream does no escaping), so XML-special characters are refused.
const EMAIL = /^[^\s@<>&"']+@[^\s@<>&"'.]+(\.[^\s@<>&"'.]+)+$/;

/** The list position in a field such as `vendors.reco.trustedRanges[12]`, for a stable report order. */
const indexOf = (field: string): number => Number(/\[(\d+)\]$/.exec(field)?.[1] ?? -1);

/** Which address a value holds: the rules are the same, the texts and codes differ. */
export type AddressKind = 'email' | 'username';

export const checkEmail = (value: unknown, where: Where, kind: AddressKind = 'email'): Problem[] => {
  const email = kind === 'email';
  if (typeof value !== 'string') {
    const found = [describe(value)];
    return [email ? problem.error('EmailNotString', where, found) : problem.error('UsernameNotString', where, found)];
  }
  const shown = echo(value);
  if (/[<>&"']/.test(value)) return [problem.error('AddressXmlSpecialCharacter', where, [shown])];
  if (!EMAIL.test(value))
    return [email ? problem.error('NotAnEmail', where, [shown]) : problem.error('NotAUsername', where, [shown])];
  if (value.length > 80) return [problem.error('AddressTooLong', where, [shown])];
  // Allowed by Salesforce's rules as far as known, but a person cannot tell these apart: say so.
  const warnings: Problem[] = [];
  const invisible = invisibleCharacters(value);
  if (invisible.length) warnings.push(problem.warning('AddressInvisibleCharacter', where, [invisible.join(', ')]));
  const nonAscii = nonAsciiCharacters(value);
  if (nonAscii.length) warnings.push(problem.warning('AddressNonAscii', where, [nonAscii.join(', ')]));
  return warnings;
};

export const checkFeatures = (
  value: unknown,
  where: Where,
  vendor: Vendor
): { features: string[]; problems: Problem[] } => {
  if (!Array.isArray(value))
    return {
      features: [],
      problems: [problem.error('FeaturesNotList', where, [describe(value)], [vendor.features[0]?.id ?? 'feature'])],
    };
  const known = vendor.features.map((f) => f.id);
  const problems = value.flatMap((item, i) => {
    if (typeof item === 'string' && known.includes(item)) return [];
    const at = { ...where, field: `${where.field}[${i}]` };
    const tokens = [describe(item), vendor.name];
    return [
      known.length
        ? problem.error('UnknownFeature', at, tokens, [known.join(', ')])
        : problem.error('FeatureOfFeaturelessVendor', at, tokens, [vendor.name]),
    ];
  });
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
      problems: [problem.error('TrustedRangesNotList', where, [describe(value)])],
    };
  }
  if (value.length > INPUT_LIMITS.trustedRanges) {
    return {
      ranges: [],
      parsed: [],
      problems: [problem.error('TooManyTrustedRanges', where, [value.length, INPUT_LIMITS.trustedRanges])],
    };
  }
  const problems: Problem[] = [];
  const parsed: Array<{ index: number; range: ParsedRange; text: string }> = [];
  value.forEach((item, i) => {
    const at = { ...where, field: `${where.field}[${i}]` };
    if (typeof item !== 'string') {
      problems.push(problem.error('TrustedRangeNotString', at, [describe(item)]));
      return;
    }
    const result = parseRangeSpec(item);
    // What is wrong with a range is src/network's to say, the same wherever a range is written.
    if (!result.ok) problems.push(rangeProblem(result.fault, at));
    else parsed.push({ index: i, range: result.range, text: item });
  });
  // Sort and sweep: O(n log n), so a long list is checked in milliseconds.
  for (const { first, second } of findOverlaps(parsed.map((p) => ({ key: p, range: p.range })))) {
    const [a, b] = first.index < second.index ? [first, second] : [second, first];
    problems.push(
      problem.error('TrustedRangesOverlap', { ...where, field: `${where.field}[${b.index}]` }, [
        b.text,
        a.text,
        a.index,
      ])
    );
  }
  problems.sort((x, y) => indexOf(x.field) - indexOf(y.field));
  const ranges = parsed.map(({ range }, n) => ({ ...formatRange(range), description: `${prefix} ${n + 1}` }));
  return { ranges, parsed: parsed.map((p) => p.range), problems };
};
