/** The most characters of one value a message repeats where the value is the user's own input. */
export const ECHO_LIMIT = 200;
/** The most characters of any one token a message repeats (catalogue texts are longer than values). */
export const TOKEN_LIMIT = 2000;

// C0 and C1 controls (tab and newline aside), and the invisible or reordering characters a terminal
// would act on or hide: zero-width ones, bidirectional controls, the BOM.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/**
 * User input as a message repeats it: controls and bidirectional or invisible characters written as
 * `\u{…}` (an ESC cannot restyle the terminal, U+202E cannot reverse the line, and the reader sees
 * they are there), and anything longer than `limit` cut with the length said.
 */
export const echo = (value: string, limit = ECHO_LIMIT): string => {
  const shown = value.replace(UNSAFE, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`);
  const chars = [...shown];
  return chars.length <= limit ? shown : `${chars.slice(0, limit).join('')}… (${[...value].length} characters in all)`;
};
