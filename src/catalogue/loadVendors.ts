import fs from 'node:fs';
import path from 'node:path';
import { SfError } from '@salesforce/core/sfError';
import { decodeText, INPUT_LIMITS, readRegularFile } from '../files';
import { type Problem, problemFromError, problemsFrom } from '../problems';
import { catalogueSchema } from './schemas';
import { checkAgainstSchema, Schema } from './schemaCheck';
import { describe, ShapeCheck } from './shapeCheck';
import type { IntegrationUserDefinition, Vendor, VendorEntry } from './vendorEntry';
import { checkVendorRules } from './vendorRules';

export type LoadedCatalogue = { vendors: Vendor[]; problems: Problem[] };

const problem = problemsFrom('catalogue');

/** The vendor.json format this vendor-access reads (schemas/vendor.schema.json `formatVersion`). */
export const VENDOR_JSON_FORMAT = 1;

const readJson = (file: string, rel: string, problems: Problem[]): unknown => {
  let text: string;
  try {
    text = decodeText(readRegularFile(file, { display: rel, maxBytes: INPUT_LIMITS.projectFileBytes }), rel);
  } catch (err) {
    const e = SfError.wrap(err instanceof Error ? err : String(err));
    problems.push(
      e.name === 'FileNotFoundError'
        ? problem.error('CatalogueFileNotFound', { file: rel, field: '' }, [], [rel])
        : problemFromError(e, { file: rel, field: '' }, '')
    );
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    problems.push(problem.error('CatalogueFileNotJson', { file: rel, field: '' }, [(err as Error).message]));
    return undefined;
  }
};

/**
 * What vendor-access reads of sfdx-project.json (Salesforce's file; its own schema is Salesforce's):
 * a list of package directories.
 */
const PROJECT_SHAPE: Schema = {
  type: 'object',
  required: ['packageDirectories'],
  properties: { packageDirectories: { type: 'array' } },
};

/** The package directories sfdx-project.json lists, project-relative. */
export const readPackageDirectories = (projectDir: string, problems: Problem[]): string[] => {
  const data = readJson(path.join(projectDir, 'sfdx-project.json'), 'sfdx-project.json', problems);
  if (data === undefined) return [];
  const check = new ShapeCheck('sfdx-project.json');
  const ok = checkAgainstSchema(PROJECT_SHAPE, data, check);
  problems.push(...check.problems);
  if (!ok) return [];
  return (data as { packageDirectories: unknown[] }).packageDirectories.flatMap((entry) => {
    const dir = entry && typeof entry === 'object' ? (entry as { path?: unknown }).path : undefined;
    return typeof dir === 'string' ? [dir.replace(/\/+$/, '')] : [];
  });
};

/** `$schema` is for editors: the loaded entry is the data alone. */
const withoutSchemaKey = <T extends object>(data: T): T => {
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  delete copy.$schema;
  return copy as T;
};

/** vendor.json against schemas/vendor.schema.json, then the rules across its keys (vendorRules.ts); typed only when both pass. */
const checkEntry = (data: unknown, rel: string, dirName: string): { entry?: VendorEntry; problems: Problem[] } => {
  const c = new ShapeCheck(rel);
  const format =
    data !== null && typeof data === 'object' ? (data as { formatVersion?: unknown }).formatVersion : undefined;
  if (format !== undefined && format !== VENDOR_JSON_FORMAT) {
    // A newer format's keys would read as a list of unknown keys: the one thing to say is the format.
    c.error('VendorJsonFormatUnknown', 'formatVersion', [describe(format)]);
    return { problems: c.problems };
  }
  checkAgainstSchema(catalogueSchema('vendor'), data, c);
  checkVendorRules(c, data, dirName);
  if (c.problems.length) return { problems: c.problems };
  return { entry: withoutSchemaKey(data as VendorEntry), problems: [] };
};

/** users/*.json against schemas/integration-user.schema.json. */
const checkUser = (data: unknown, rel: string): { user?: IntegrationUserDefinition; problems: Problem[] } => {
  const c = new ShapeCheck(rel);
  if (!checkAgainstSchema(catalogueSchema('integration-user'), data, c)) return { problems: c.problems };
  return { user: withoutSchemaKey(data as IntegrationUserDefinition), problems: [] };
};

/**
 * Loads every vendor: each package directory of sfdx-project.json that holds a vendor.json. Adding
 * a vendor is adding a folder; no code changes.
 */
export const loadVendors = (projectDir: string): LoadedCatalogue => {
  const problems: Problem[] = [];
  const vendors: Vendor[] = [];
  for (const relDir of readPackageDirectories(projectDir, problems)) {
    const dir = path.join(projectDir, relDir);
    const entryFile = path.join(dir, 'vendor.json');
    if (!fs.existsSync(entryFile)) continue;
    const rel = `${relDir}/vendor.json`;
    const data = readJson(entryFile, rel, problems);
    if (data === undefined) continue;
    const { entry, problems: entryProblems } = checkEntry(data, rel, path.basename(relDir));
    problems.push(...entryProblems);
    if (!entry) continue;
    if (entry.integrationUser === undefined) {
      vendors.push({ ...entry, dir, relDir });
      continue;
    }
    const userRel = `${relDir}/${entry.integrationUser}`;
    const userData = readJson(path.join(dir, entry.integrationUser), userRel, problems);
    const { user, problems: userProblems } = userData === undefined ? { problems: [] } : checkUser(userData, userRel);
    problems.push(...userProblems);
    if (user) vendors.push({ ...entry, dir, relDir, user });
  }
  if (!vendors.length && !problems.length) {
    problems.push(problem.error('CatalogueWithoutVendors', { file: 'sfdx-project.json', field: 'packageDirectories' }));
  }
  return { vendors, problems };
};

/**
 * Picks the vendors named by `--vendor` (`all` = every vendor). A name the project does not have is
 * `unknown` even next to `all`: `--vendor all --vendor nope` holds a typo the user meant something by.
 */
export const selectVendors = (all: Vendor[], names: string[]): { selected: Vendor[]; unknown: string[] } => {
  const unknown = [...new Set(names.filter((n) => n !== 'all' && !all.some((v) => v.name === n)))];
  if (!names.length || names.includes('all')) return { selected: all, unknown };
  return { selected: all.filter((v) => names.includes(v.name)), unknown };
};
