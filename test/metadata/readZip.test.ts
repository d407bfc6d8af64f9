import JSZip from 'jszip';
import { readZip } from '../../src/metadata/readZip';
import { writeZip } from '../../src/metadata/writeZip';

describe('readZip: the files of a retrieved package, read in memory', () => {
  const files = {
    'settings/Security.settings': '<?xml version="1.0"?>\n<SecuritySettings/>\n',
    'permissionsets/Reco_Integration.permissionset': 'x'.repeat(5000),
  };

  it('reads what writeZip wrote, folders left out', () => {
    const zip = writeZip(Object.entries(files).map(([name, text]) => ({ name, data: Buffer.from(text) })));
    const read = readZip(zip);
    expect([...read.keys()].sort()).toEqual(Object.keys(files).sort());
    for (const [name, text] of Object.entries(files)) expect(read.get(name)?.toString('utf8')).toBe(text);
  });

  it.each(['STORE', 'DEFLATE'] as const)(
    'reads a zip JSZip wrote (%s, data descriptors, a folder entry)',
    async (compression) => {
      const zip = new JSZip();
      zip.folder('unpackaged');
      for (const [name, text] of Object.entries(files)) zip.file(`unpackaged/${name}`, text);
      const buffer = await zip.generateAsync({ type: 'nodebuffer', compression, streamFiles: true });
      const read = readZip(buffer);
      expect([...read.keys()].sort()).toEqual(
        Object.keys(files)
          .map((f) => `unpackaged/${f}`)
          .sort()
      );
      expect(read.get('unpackaged/settings/Security.settings')?.toString('utf8')).toBe(
        files['settings/Security.settings']
      );
    }
  );

  it('refuses what is not a zip', () => {
    expect(() => readZip(Buffer.from('not a zip at all, just some text that is long enough'))).toThrow(
      'not a zip archive'
    );
  });
});
