import fs from 'node:fs';
import path from 'node:path';
import { ComponentSet } from '@salesforce/source-deploy-retrieve';
import type { Vendor } from '../catalogue';
import { type VendorValues, stageReplacements } from '../values';
import { writeZip, ZipEntry } from '../metadata';
import { sharedConversion } from './sharedConversion';

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
 * Writes a vendor's metadata-format package under `out/<vendor>/`, from the one conversion path
 * (replacements and .forceignore applied as for `sf project deploy start`). `together` are the
 * vendors checked in the same run: they share one conversion, of which this vendor's part is taken.
 */
export const buildPackage = async (
  projectDir: string,
  vendor: Vendor,
  outDir: string,
  values: VendorValues[],
  together: Vendor[] = [vendor]
): Promise<BuiltPackage> => {
  const target = path.join(outDir, vendor.name);
  // checkVendors checked this folder first: outside the source, holding only what check writes.
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target);
  // The staged certificate stays where sfdx-project.json's replaceWithFile reads it, for a raw
  // `sf project deploy start` (the conversion itself takes the values from memory).
  stageReplacements(projectDir, values, {});
  const base = await sharedConversion(projectDir, together, values);
  const own = base.components.filter((c) => c.vendor === vendor.name);
  const set = new ComponentSet(
    own.map((c) => c.component),
    base.registry
  );
  if (base.sourceApiVersion) set.sourceApiVersion = base.sourceApiVersion;
  if (base.apiVersion) set.apiVersion = base.apiVersion;
  const contents = new Map<string, string>([['package.xml', await set.getPackageXml()]]);
  for (const c of own) for (const [k, v] of c.files) contents.set(k, v);
  const sorted = [...contents].sort(([a], [b]) => (a < b ? -1 : 1));
  const metadataDir = path.join(target, 'metadata');
  const entries: ZipEntry[] = [];
  for (const [name, text] of sorted) {
    const file = path.join(metadataDir, ...name.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const data = Buffer.from(text, 'utf8');
    fs.writeFileSync(file, data);
    entries.push({ name, data });
  }
  const packageXmlPath = path.join(target, 'package.xml');
  fs.writeFileSync(packageXmlPath, contents.get('package.xml') ?? '');
  // The zip holds exactly the files of the readable copy (writeZip.ts).
  const zipPath = path.join(target, `${vendor.name}.zip`);
  fs.writeFileSync(zipPath, writeZip(entries));
  const rel = (p: string): string => path.relative(projectDir, p).split(path.sep).join('/');
  return {
    vendor: vendor.name,
    zipPath: rel(zipPath),
    packageXmlPath: rel(packageXmlPath),
    metadataDir: rel(metadataDir),
    components: own.map((c) => `${c.component.type.name}:${c.component.fullName}`).sort(),
    contents: new Map(sorted),
  };
};
