import zlib from 'node:zlib';

/** One file of a zip: its path inside the archive (forward slashes) and its bytes. */
export type ZipEntry = { name: string; data: Buffer };

// 1980-01-01 00:00 in MS-DOS date/time: a fixed stamp, so the same package gives the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** Each file preceded by entries for its folders not listed yet (`settings/`), as SDR's zips have them. */
const withFolders = (entries: ZipEntry[]): Array<ZipEntry & { folder: boolean }> => {
  const seen = new Set<string>();
  const out: Array<ZipEntry & { folder: boolean }> = [];
  for (const entry of entries) {
    const parts = entry.name.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) {
      const folder = `${parts.slice(0, i).join('/')}/`;
      if (!seen.has(folder)) out.push({ name: folder, data: Buffer.alloc(0), folder: true });
      seen.add(folder);
    }
    out.push({ ...entry, folder: false });
  }
  return out;
};

/**
 * A zip archive (PKWARE APPNOTE 4.3: local headers, deflated data, central directory, end record)
 * built with node:zlib. `check` writes its package zip from the converted folder with this instead
 * of a second SDR conversion to zip: the same files, and about a third of check's work saved
 * (bench/startup.bench.js). No zip64: a vendor package is a few kilobytes.
 */
export const writeZip = (files: ZipEntry[]): Buffer => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const entries = withFolders(files);
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = entry.folder ? entry.data : zlib.deflateRawSync(entry.data);
    const crc = entry.folder ? 0 : zlib.crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04_03_4b_50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x08_00, 6); // flags: names are UTF-8
    local.writeUInt16LE(entry.folder ? 0 : 8, 8); // method: stored (folder) or deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02_01_4b_50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0
    local.copy(central, 6, 4, 30); // version needed … name length, as in the local header
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE(entry.folder ? 0x10 : 0, 38); // external attributes: MS-DOS directory bit
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, deflated);
    centrals.push(central, name);
    offset += local.length + name.length + deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06_05_4b_50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
};
