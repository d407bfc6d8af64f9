/**
 * The characters XML 1.0 can hold (W3C XML 1.0, production [2] Char): tab, LF, CR, U+0020–U+D7FF,
 * U+E000–U+FFFD and U+10000–U+10FFFF. Everything else (NUL and the other C0 controls, lone
 * surrogates, U+FFFE, U+FFFF) makes a document not well-formed, and even escaped as `&#0;` it is
 * refused; a replaced value carrying one breaks the package the deploy sends, or (NUL) is cut short.
 */
const isXmlChar = (cp: number): boolean =>
  cp === 0x9 ||
  cp === 0xa ||
  cp === 0xd ||
  (cp >= 0x20 && cp <= 0xd7_ff) ||
  (cp >= 0xe0_00 && cp <= 0xff_fd) ||
  (cp >= 0x1_00_00 && cp <= 0x10_ff_ff);

/** `U+0007`: how a code point is named in messages. */
export const codePointName = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The first character of `value` XML 1.0 cannot hold, with its 1-based position in characters;
 * undefined when there is none. Iterates by code point, so a lone surrogate is found as itself.
 */
export const firstNonXmlCharacter = (value: string): { codePoint: string; position: number } | undefined => {
  let position = 0;
  for (const char of value) {
    position++;
    const cp = char.codePointAt(0) ?? 0;
    if (!isXmlChar(cp)) return { codePoint: codePointName(cp), position };
  }
  return undefined;
};

// Characters that are invisible or reorder text (zero-width, bidirectional controls, soft hyphen,
// word joiners, BOM): XML holds them, but a person reading the value cannot see them.
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

/** The distinct code points of `value` that are invisible or reorder text, named (`U+202E`). */
export const invisibleCharacters = (value: string): string[] =>
  [...new Set([...value].filter((c) => INVISIBLE.test(c)))].map((c) => codePointName(c.codePointAt(0) ?? 0));

/**
 * The distinct visible non-ASCII code points of `value`, named with the character (`U+0430 а`): in
 * a username or address one may look exactly like an ASCII letter (Cyrillic а, Greek ο).
 */
export const nonAsciiCharacters = (value: string): string[] =>
  [...new Set([...value].filter((c) => (c.codePointAt(0) ?? 0) > 0x7f && !INVISIBLE.test(c)))].map(
    (c) => `${codePointName(c.codePointAt(0) ?? 0)} ${c}`
  );
