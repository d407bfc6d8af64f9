import zlib from 'node:zlib';
import { loadMessages } from '../messages';

const internal = loadMessages('internal');
const unreadable = (why: string): Error => internal.createError('error.RetrievedZipUnreadable', [why]);

/**
 * The files of a zip archive held in memory (PKWARE APPNOTE 4.3: the end record, the central
 * directory, each local header), read with node:zlib: a retrieved package is a few kilobytes, and
 * reading it here spares a folder of files written and read back per org. Sizes come from the
 * central directory (a local header may defer them to a data descriptor). Stored and deflated
 * entries only, no zip64, folders skipped; anything else is an error naming the entry.
 */
export const readZip = (zip: Buffer): Map<string, Buffer> => {
  const END = 0x06_05_4b_50;
  let end = -1;
  // The end record is 22 bytes plus a comment of at most 65535.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xff_ff); i--) {
    if (zip.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable('not a zip archive (no end of central directory record)');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02_01_4b_50) throw unreadable('zip central directory entry expected');
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressedSize);
    if (method === 0) files.set(name, Buffer.from(data));
    else if (method === 8) files.set(name, zlib.inflateRawSync(data));
    else throw unreadable(`zip entry ${name}: compression method ${method} is not supported`);
  }
  return files;
};
