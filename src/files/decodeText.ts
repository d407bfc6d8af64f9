import { messages } from './messages';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * File bytes as text: UTF-8, with a leading UTF-8 byte-order mark dropped (Windows editors write
 * one; RFC 8259 lets a JSON reader ignore it). UTF-16 and bytes that are not UTF-8 are refused by
 * name, so a JSON parser never reports them as a syntax error.
 *
 * @throws Utf16TextError, NotUtf8TextError
 */
export const decodeText = (bytes: Buffer, display: string): string => {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (
    (b0 === 0xff && b1 === 0xfe) ||
    (b0 === 0xfe && b1 === 0xff) ||
    (bytes.length > 1 && bytes.subarray(0, 64).includes(0))
  ) {
    throw messages.createError('error.Utf16Text', [display]);
  }
  const body = bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw messages.createError('error.NotUtf8Text', [display]);
  }
};
