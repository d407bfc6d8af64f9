import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SfProject } from '@salesforce/core';
import {
  ComponentSetBuilder,
  ForceIgnore,
  MetadataConverter,
  RegistryAccess,
  SourceComponent,
} from '@salesforce/source-deploy-retrieve';
import type { MarkedReplacement } from '@salesforce/source-deploy-retrieve/lib/src/convert/types';
import type { Vendor } from '../catalogue';
import { listFiles, toPosix, readZip } from '../metadata';
import { loadMessages } from '../messages';
import type { VendorValues } from '../values';
import { sdrRegistry } from './sdrRegistry';
import { ReplacementMarker, replacementMarker } from './replacementMarks';

const internal = loadMessages('internal');

/** Where org-resolved files (merged trusted ranges, hardened profiles) sit in a workspace. */
export const GENERATED = 'vendor-access-generated';

/** One component as SDR converted it, and what an org-specific edit needs to redo it exactly. */
export type ConvertedComponent = {
  component: SourceComponent;
  /** The package path of its XML (`permissionsets/X.permissionset`), as compareWithOrg names it. */
  rel: string;
  /** Every file of the component in the package, path → content, replacements applied. */
  files: Map<string, string>;
  /** Its XML before replacements, and the replacements SDR applied to it. */
  sourceText: string;
  marks?: MarkedReplacement[];
  /** Workspace-relative path of the source XML (`force-app/ispm/main/default/…`). */
  sourceRel: string;
  /** The vendor folder it comes from; undefined for a hardened profile (the generated folder). */
  vendor?: string;
};

/** One SDR conversion, shared by every org that receives the same package. */
export type SharedConversion = {
  /** The workspace it was converted in (removed after): paths below are named as there. */
  dir: string;
  components: ConvertedComponent[];
  sourceApiVersion?: string;
  apiVersion?: string;
  registry: RegistryAccess;
  /** Marks the replacements of a file an org adds or renames, as SDR would at that path. */
  mark: ReplacementMarker;
  /** The rules where an org gets the merged trusted-range list (workspaceForceignore), parsed on first use. */
  readonly mergedIgnore: ForceIgnore;
};

const SECURITY_RULE = '**/settings/Security.settings-meta.xml';

/**
 * The workspace's .forceignore, generated rule by rule from the project's: every rule kept, except
 * that where this org gets the merged SecuritySettings the catch-all trusted-range rule becomes one
 * rule per vendor folder, so the vendors' own range files stay out and the generated list goes in.
 */
export const workspaceForceignore = (projectRules: string, vendors: Vendor[], mergedRanges: boolean): string => {
  const rules = projectRules.replace(/\s+$/, '').split(/\r?\n/);
  const out = rules.flatMap((rule) =>
    mergedRanges && rule.trim() === SECURITY_RULE
      ? vendors.map((v) => `${v.relDir}/**/settings/Security.settings-meta.xml`)
      : [rule]
  );
  // A project without the catch-all still never sends a vendor's own range file.
  if (mergedRanges && !rules.some((r) => r.trim() === SECURITY_RULE))
    out.push(...vendors.map((v) => `${v.relDir}/**/settings/Security.settings-meta.xml`));
  return `${out.join('\n').replace(/\n*$/, '')}\n`;
};

const readText = (file: string): string => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/**
 * What makes two conversions the same: the project's settings and ignore rules, every file of the
 * vendors and of the extra profiles, and the values the replacements carry. Read afresh on each
 * call, so an edited source file is never served from an older conversion.
 */
const inputKey = (projectDir: string, vendors: Vendor[], values: VendorValues[], profiles: string[]): string => {
  const hash = crypto.createHash('sha256');
  const add = (...parts: string[]): void => {
    for (const part of parts) hash.update(`${part.length}:${part}`);
  };
  add(path.resolve(projectDir), readText(path.join(projectDir, 'sfdx-project.json')));
  add(readText(path.join(projectDir, '.forceignore')));
  for (const vendor of vendors) {
    add(vendor.name, vendor.relDir);
    for (const file of listFiles(vendor.dir).sort()) add(file, readText(file));
  }
  for (const file of profiles) add(file, readText(file));
  for (const v of values) add(v.vendor, JSON.stringify(v.env), JSON.stringify(v.replacementFiles));
  return hash.digest('hex');
};

/**
 * Converts the vendors' source once: a throwaway copy of the project holding the vendor folders
 * and, in the generated folder, every hardened profile an org may turn on; SDR resolves it with the
 * project's .forceignore and converts it to a metadata-format folder, replacements marked from the
 * values (replacementMarks.ts), which is then read into memory and removed.
 */
const convert = async (
  projectDir: string,
  vendors: Vendor[],
  values: VendorValues[],
  profiles: string[]
): Promise<SharedConversion> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-convert-'));
  try {
    const project = JSON.parse(fs.readFileSync(path.join(projectDir, 'sfdx-project.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    // No `replacements`: SDR would re-mark from them (reading process.env) over the values marked below.
    delete project.replacements;
    const packageDirectories = [...vendors.map((v) => v.relDir), ...(profiles.length ? [GENERATED] : [])];
    fs.writeFileSync(
      path.join(dir, 'sfdx-project.json'),
      JSON.stringify(
        {
          ...project,
          packageDirectories: packageDirectories.map((p, i) => (i === 0 ? { path: p, default: true } : { path: p })),
        },
        undefined,
        2
      )
    );
    const projectRules = readText(path.join(projectDir, '.forceignore'));
    fs.writeFileSync(path.join(dir, '.forceignore'), projectRules);
    const mergedText = workspaceForceignore(projectRules, vendors, true);
    let mergedIgnore: ForceIgnore | undefined;
    // Linked, not copied (a junction on Windows needs no privilege): SDR resolves through the links
    // with the workspace's paths and rules, and
    // nothing is written into the vendors' folders (the conversion reads them and writes nothing).
    for (const vendor of vendors) {
      fs.mkdirSync(path.dirname(path.join(dir, vendor.relDir)), { recursive: true });
      fs.symlinkSync(path.resolve(vendor.dir), path.join(dir, vendor.relDir), 'junction');
    }
    const profilesDir = path.join(dir, GENERATED, 'main', 'default', 'profiles');
    if (profiles.length) fs.mkdirSync(profilesDir, { recursive: true });
    for (const file of profiles) fs.copyFileSync(file, path.join(profilesDir, path.basename(file)));

    SfProject.clearInstances();
    const set = await ComponentSetBuilder.build({
      sourcepath: packageDirectories.map((p) => path.join(dir, p)),
      projectDir: dir,
    });
    const mark = replacementMarker(projectDir, values);
    const sources = set.getSourceComponents().toArray();
    for (const c of sources) {
      const marked: Record<string, MarkedReplacement[]> = {};
      for (const file of [c.xml, ...c.walkContent()].filter((f): f is string => typeof f === 'string')) {
        // eslint-disable-next-line no-await-in-loop -- a few files, each marked from values in memory
        const marks = await mark(file);
        if (marks) marked[file] = marks;
      }
      if (Object.keys(marked).length) c.replacements = marked;
    }
    // The workspace's own project, without `replacements`: SDR keeps the marks above (a zip
    // conversion re-marks from the project's sfdx-project.json, which here has none).
    set.projectDirectory = dir;
    // The project's registry: the workspace's sfdx-project.json carries the same registry settings.
    const registry = sdrRegistry(projectDir);
    // To a zip in memory, read back in memory: no folder of files to write and remove.
    const { zipBuffer } = await new MetadataConverter(registry).convert(set, 'metadata', { type: 'zip' });
    if (!zipBuffer) throw internal.createError('error.ConversionFailed', [packageDirectories.join(', ')]);
    const converted = new Map(
      [...readZip(zipBuffer)]
        .filter(([name]) => name !== 'package.xml')
        .map(([name, data]) => [name, data.toString('utf8')] as const)
    );
    const components = sources.map((c): ConvertedComponent => {
      const rel = `${c.type.directoryName}/${c.fullName}.${c.type.suffix ?? ''}`;
      const files = new Map(
        [...converted].filter(
          ([k]) => k === rel || k === `${rel}-meta.xml` || k.startsWith(`${c.type.directoryName}/${c.fullName}/`)
        )
      );
      const sourceRel = toPosix(path.relative(dir, c.xml ?? ''));
      const vendor = vendors.find((v) => sourceRel.startsWith(`${v.relDir}/`));
      const marks = c.xml ? c.replacements?.[c.xml] : undefined;
      return {
        component: c,
        rel,
        files,
        sourceText: c.xml ? fs.readFileSync(c.xml, 'utf8') : '',
        ...(marks ? { marks } : {}),
        sourceRel,
        ...(vendor ? { vendor: vendor.name } : {}),
      };
    });
    return {
      dir,
      components,
      ...(set.sourceApiVersion ? { sourceApiVersion: set.sourceApiVersion } : {}),
      ...(set.apiVersion ? { apiVersion: set.apiVersion } : {}),
      registry,
      mark,
      // SDR's ForceIgnore reads its rules from a file and matches paths relative to its folder: the
      // file is written where the workspace was, only when an org needs the rules, and removed.
      get mergedIgnore(): ForceIgnore {
        if (!mergedIgnore) {
          fs.mkdirSync(dir, { recursive: true });
          try {
            fs.writeFileSync(path.join(dir, '.forceignore'), mergedText);
            mergedIgnore = new ForceIgnore(path.join(dir, '.forceignore'));
          } finally {
            fs.rmSync(dir, { recursive: true, force: true });
          }
        }
        return mergedIgnore;
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

// A few distinct inputs per process (a run has one values file; tests run many projects).
const MAX_KEPT = 8;
const kept = new Map<string, Promise<SharedConversion>>();

/**
 * The conversion for these vendors, values and profiles: converted once, then shared by every org
 * (and every command in the process) that asks with the same input. What an org's answers change
 * (permissions, ranges, policy names, feature exclusions) is applied to the result per org
 * (deployWorkspace.ts), never by converting again.
 */
export const sharedConversion = (
  projectDir: string,
  vendors: Vendor[],
  values: VendorValues[],
  orgProfiles: string[] = []
): Promise<SharedConversion> => {
  // Every hardened profile the vendors offer, whether this org turns it on or not: one conversion
  // serves orgs with and without hardened mode.
  const offered = vendors.flatMap((v) => {
    const spec = v.hardening?.restrictLoginToVendorRanges;
    const file = spec?.applies && spec.file ? path.join(v.dir, spec.file) : undefined;
    return file && fs.existsSync(file) ? [file] : [];
  });
  const profiles = [...new Set([...offered, ...orgProfiles])];
  const key = inputKey(projectDir, vendors, values, profiles);
  const found = kept.get(key);
  if (found) return found;
  const made = convert(projectDir, vendors, values, profiles);
  kept.set(key, made);
  made.catch(() => kept.delete(key));
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
  return made;
};
