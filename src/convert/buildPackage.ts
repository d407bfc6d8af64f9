import fs from 'node:fs';
import path from 'node:path';
import type { Vendor } from '../catalogue';
import type { VendorValues } from '../values/orgValues';
import { writeZip, ZipEntry } from '../metadata/writeZip';
import { convertSource } from './convertSource';

/** What `check` writes for one vendor: the metadata-format package, replacements applied. */
export type BuiltPackage = {
  vendor: string;
  /** Project-relative paths of what was written. */
  zipPath: string;
  packageXmlPath: string;
  metadataDir: string;
  /** `Type:fullName` of every component, sorted. */
  components: string[];
  /** Metadata-format path → content, after replacements (what an org would receive). */
  contents: Map<string, string>;
};

/**
 * Converts a vendor's source to a metadata-format package under `out/<vendor>/`, through the one
 * conversion path (replacements and .forceignore applied as for `sf project deploy start`).
 */
export const buildPackage = async (
  projectDir: string,
  vendor: Vendor,
  outDir: string,
  values: VendorValues[]
): Promise<BuiltPackage> => {
  const target = path.join(outDir, vendor.name);
  // checkVendors checked this folder first: outside the source, holding only what check writes.
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target);
  // One conversion, to a folder; the zip is then written from that folder, so it holds exactly the
  // files of the readable copy, without a second conversion and SDR's JS zip (writeZip.ts).
  const metadataDir = path.join(target, 'metadata');
  const components = await convertSource({ projectDir, sourcepaths: [vendor.dir], values, metadataDir });
  const packageXmlPath = path.join(target, 'package.xml');
  fs.copyFileSync(path.join(metadataDir, 'package.xml'), packageXmlPath);
  const contents = new Map<string, string>();
  const entries: ZipEntry[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const name = path.relative(metadataDir, full).split(path.sep).join('/');
        const data = fs.readFileSync(full);
        contents.set(name, data.toString('utf8'));
        entries.push({ name, data });
      }
    }
  };
  walk(metadataDir);
  const zipPath = path.join(target, `${vendor.name}.zip`);
  fs.writeFileSync(zipPath, writeZip(entries));
  const rel = (p: string): string => path.relative(projectDir, p).split(path.sep).join('/');
  return {
    vendor: vendor.name,
    zipPath: rel(zipPath),
    packageXmlPath: rel(packageXmlPath),
    metadataDir: rel(metadataDir),
    components: components
      .toArray()
      .map((c) => `${c.type.name}:${c.fullName}`)
      .sort(),
    contents,
  };
};
