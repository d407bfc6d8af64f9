import fs from 'node:fs';
import path from 'node:path';
import { ComponentSet, ComponentSetBuilder, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { SfProject } from '@salesforce/core';
import type { Vendor } from '../catalogue';
import { writeZip, ZipEntry } from './writeZip';

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
 * The vendor's components exactly as a deploy sends them. Built through SDR with the project
 * directory set, so sfdx-project.json `replacements` and `.forceignore` apply just as they do for
 * `sf project deploy start` (reference toolchain §3.1: without projectDir they are silently skipped).
 */
export const vendorComponentSet = async (projectDir: string, vendor: Vendor): Promise<ComponentSet> => {
  SfProject.clearInstances();
  return ComponentSetBuilder.build({ sourcepath: [vendor.dir], projectDir });
};

/** Converts a vendor's source to a metadata-format package under `out/<vendor>/`. */
export const buildPackage = async (projectDir: string, vendor: Vendor, outDir: string): Promise<BuiltPackage> => {
  const components = await vendorComponentSet(projectDir, vendor);
  const target = path.join(outDir, vendor.name);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  // One conversion, to a folder: SDR applies replacements to folder output only when asked
  // (metadataConverter.ts). The zip is then written from that folder, so it holds exactly the
  // files of the readable copy, without a second conversion and SDR's JS zip (writeZip.ts). No
  // packageName: SDR would write it into package.xml as <fullName>, and a package.xml with a
  // fullName deploys as a named unmanaged package.
  const metadataDir = path.join(target, 'metadata');
  const previous = process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT;
  process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT = 'true';
  try {
    await new MetadataConverter().convert(components, 'metadata', { type: 'directory', outputDirectory: metadataDir, genUniqueDir: false });
  } finally {
    if (previous === undefined) delete process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT;
    else process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT = previous;
  }
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
    components: components.toArray().map((c) => `${c.type.name}:${c.fullName}`).sort(),
    contents,
  };
};
