import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { writeZip } from '../../src/metadata/writeZip';

const FILES = [
  { name: 'package.xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<Package/>\n') },
  { name: 'permissionsets/Reco_Integration.permissionset', data: Buffer.from('<PermissionSet>'.repeat(200)) },
  { name: 'settings/Event.settings', data: Buffer.from('') },
  { name: 'settings/Ünïcode name.settings', data: Buffer.from('é') },
];

describe('writeZip', () => {
  it('gives a zip that another reader opens to the same files, folders listed as SDR lists them', async () => {
    const zip = await JSZip.loadAsync(writeZip(FILES));
    expect(Object.keys(zip.files)).toEqual([
      'package.xml',
      'permissionsets/',
      'permissionsets/Reco_Integration.permissionset',
      'settings/',
      'settings/Event.settings',
      'settings/Ünïcode name.settings',
    ]);
    expect(zip.files['settings/']?.dir).toBe(true);
    for (const file of FILES) expect(await zip.file(file.name)?.async('nodebuffer')).toEqual(file.data);
  });

  it('passes unzip -t (CRCs and sizes as the archive declares them), when unzip is installed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-zip-'));
    try {
      const file = path.join(dir, 'p.zip');
      fs.writeFileSync(file, writeZip(FILES));
      let out: string;
      try {
        out = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw err;
      }
      expect(out).toContain('No errors detected');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is byte-for-byte the same for the same files (fixed timestamps)', () => {
    expect(writeZip(FILES).equals(writeZip(FILES))).toBe(true);
  });
});
