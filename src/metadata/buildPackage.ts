import fs from 'node:fs';
import path from 'node:path';
import { ComponentSet, ComponentSetBuilder, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { SfProject } from '@salesforce/core';
import type { Vendor } from '../catalogue';

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
  const converter = new MetadataConverter();
  const { zipBuffer } = await converter.convert(components, 'metadata', { type: 'zip' });
  if (!zipBuffer) throw new Error('SDR returned no zip');
  const zipPath = path.join(target, `${vendor.name}.zip`);
  fs.writeFileSync(zipPath, zipBuffer);
  // SDR applies replacements to directory output only when asked (metadataConverter.ts); the
  // readable copy must show the same values as the zip.
  const previous = process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT;
  process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT = 'true';
  try {
    await converter.convert(components, 'metadata', { type: 'directory', outputDirectory: target, packageName: 'metadata', genUniqueDir: false });
  } finally {
    if (previous === undefined) delete process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT;
    else process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT = previous;
  }
  const metadataDir = path.join(target, 'metadata');
  const packageXmlPath = path.join(target, 'package.xml');
  fs.copyFileSync(path.join(metadataDir, 'package.xml'), packageXmlPath);
  const contents = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else contents.set(path.relative(metadataDir, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(metadataDir);
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
