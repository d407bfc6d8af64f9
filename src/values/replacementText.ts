import { escapeXml } from '../metadata';

/**
 * SDR's `replacementIterations` (convert/replacements.ts) hands each value to
 * `String.prototype.replace` as the replacement string, where `$&`, `` $` ``, `$'`, `$$` and `$<n>`
 * are patterns. Doubling every `$` makes the text come out literally: `$$` is the pattern for `$`.
 */
export const literalReplacement = (text: string): string => text.replace(/\$/g, '$$$$');

/**
 * The text to stage for a replacement so that the package holds exactly `value`: XML-escaped for
 * element content, then made literal for SDR's `String.replace`. Validation still runs first; this
 * is what keeps a value that passed it from ever becoming markup or a pattern.
 */
export const replacementTextFor = (value: string): string => literalReplacement(escapeXml(value));
