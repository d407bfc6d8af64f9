import fs from 'node:fs';
import path from 'node:path';
import { SfError } from '@salesforce/core/sfError';
import { decodeText, INPUT_LIMITS, readRegularFile } from '../files';
import type { Problem } from '../inputs/problem';
import { problemFromError, problemsFrom } from '../inputs/problems';
import { describe, ShapeCheck } from './shapeCheck';
import { IntegrationUserDefinition, ROLE_TYPES, Vendor, VendorEntry, VALUE_ROLES, VALUE_TYPES } from './vendorEntry';

export type LoadedCatalogue = { vendors: Vendor[]; problems: Problem[] };

const problem = problemsFrom('catalogue');

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

/** The package directories sfdx-project.json lists, project-relative. */
export const readPackageDirectories = (projectDir: string, problems: Problem[]): string[] => {
  const data = readJson(path.join(projectDir, 'sfdx-project.json'), 'sfdx-project.json', problems);
  if (data === undefined) return [];
  const check = new ShapeCheck('sfdx-project.json');
  const root = check.object(data, '');
  const dirs = root ? check.array(root, 'packageDirectories', '') : undefined;
  problems.push(...check.problems);
  return (dirs ?? []).flatMap((entry) => {
    const dir = entry && typeof entry === 'object' ? (entry as { path?: unknown }).path : undefined;
    return typeof dir === 'string' ? [dir.replace(/\/+$/, '')] : [];
  });
};

const checkValues = (c: ShapeCheck, root: Record<string, unknown>): Map<string, number> => {
  const roleAt = new Map<string, number>();
  (c.array(root, 'values', '') ?? []).forEach((item, i) => {
    const v = c.object(item, `values[${i}]`);
    if (!v) return;
    c.string(v, 'key', `values[${i}]`);
    const type = c.oneOf(v, 'type', `values[${i}]`, VALUE_TYPES);
    const role = c.oneOf(v, 'role', `values[${i}]`, VALUE_ROLES);
    if (role !== undefined && role !== 'none') {
      const first = roleAt.get(role);
      if (first !== undefined) c.error('VendorJsonRoleTwice', `values[${i}].role`, [role, String(first)]);
      else roleAt.set(role, i);
      if (type !== undefined && type !== ROLE_TYPES[role])
        c.error('VendorJsonRoleTypeMismatch', `values[${i}].role`, [role, ROLE_TYPES[role], type], [ROLE_TYPES[role]]);
    }
    c.boolean(v, 'required', `values[${i}]`);
    c.string(v, 'description', `values[${i}]`);
    c.string(v, 'env', `values[${i}]`, true);
    c.string(v, 'replacementFile', `values[${i}]`, true);
  });
  return roleAt;
};

const checkPermissionSets = (c: ShapeCheck, root: Record<string, unknown>): void => {
  (c.array(root, 'permissionSets', '') ?? []).forEach((item, i) => {
    const p = c.object(item, `permissionSets[${i}]`);
    if (!p) return;
    c.string(p, 'name', `permissionSets[${i}]`);
    c.string(p, 'file', `permissionSets[${i}]`);
    const assign = c.oneOf(p, 'assign', `permissionSets[${i}]`, ['always', 'feature'] as const);
    if (assign === 'feature') c.string(p, 'feature', `permissionSets[${i}]`);
  });
  (c.array(root, 'features', '') ?? []).forEach((item, i) => {
    const f = c.object(item, `features[${i}]`);
    if (!f) return;
    c.string(f, 'id', `features[${i}]`);
    c.string(f, 'description', `features[${i}]`);
    c.stringArray(f, 'permissionSets', `features[${i}]`);
  });
};

const checkPermissions = (c: ShapeCheck, root: Record<string, unknown>): void => {
  const guideRequired = c.object(root.guideRequiredPermissions, 'guideRequiredPermissions');
  for (const key of Object.keys(guideRequired ?? {}))
    c.stringArray(guideRequired ?? {}, key, 'guideRequiredPermissions');
  c.array(root, 'runtimePermissions', '');
  if (root.permissions === undefined) return;
  const permissions = c.object(root.permissions, 'permissions');
  for (const [apiName, item] of Object.entries(permissions ?? {})) {
    const at = `permissions.${apiName}`;
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(apiName)) c.error('VendorJsonPermissionNameInvalid', at, [apiName]);
    const p = c.object(item, at);
    if (!p) continue;
    c.string(p, 'label', at);
    c.string(p, 'why', at);
    if (![0, 1, 2, 3, 4].includes(p.tier as number))
      c.error('VendorJsonPermissionTierInvalid', `${at}.tier`, [describe(p.tier)]);
    c.stringArray(p, 'requires', at, true);
  }
};

const checkTrustedRanges = (c: ShapeCheck, root: Record<string, unknown>): void => {
  const ranges = c.object(root.trustedRanges, 'trustedRanges');
  if (!ranges) return;
  c.string(ranges, 'owner', 'trustedRanges');
  c.string(ranges, 'descriptionPrefix', 'trustedRanges');
  c.string(ranges, 'source', 'trustedRanges');
  const fromValue = c.string(ranges, 'fromValue', 'trustedRanges', true);
  const values = Array.isArray(root.values) ? (root.values as Array<{ key?: unknown; type?: unknown }>) : [];
  if (fromValue !== undefined && !values.some((v) => v && v.key === fromValue && v.type === 'ipRanges')) {
    const keys = values.filter((v) => v && v.type === 'ipRanges').map((v) => String(v.key));
    if (keys.length)
      c.error('VendorJsonRangesValueNotIpRanges', 'trustedRanges.fromValue', [fromValue], [keys.join(', ')]);
    else c.error('VendorJsonRangesValueMissing', 'trustedRanges.fromValue', [fromValue]);
  }
  if (ranges.file === undefined && ranges.fromValue === undefined) {
    c.error('VendorJsonRangesWithoutSource', 'trustedRanges');
  }
};

const checkOrgFeatures = (c: ShapeCheck, root: Record<string, unknown>): void => {
  (c.array(root, 'orgFeatures', '', true) ?? []).forEach((item, i) => {
    const f = c.object(item, `orgFeatures[${i}]`);
    if (!f) return;
    for (const key of ['id', 'title', 'withoutIt']) c.string(f, key, `orgFeatures[${i}]`);
    c.boolean(f, 'optional', `orgFeatures[${i}]`);
    for (const key of ['permissions', 'objects', 'settings']) c.stringArray(f, key, `orgFeatures[${i}]`);
    c.string(f, 'eventManager', `orgFeatures[${i}]`, true);
  });
};

/** `handoff[].from` is `values.<role>` of a role some value has, or `org.consumerKey` of a vendor with an app. */
const checkHandoff = (c: ShapeCheck, root: Record<string, unknown>, roleAt: Map<string, number>): void => {
  (c.array(root, 'handoff', '') ?? []).forEach((item, i) => {
    const h = c.object(item, `handoff[${i}]`);
    if (!h) return;
    c.string(h, 'item', `handoff[${i}]`);
    c.string(h, 'where', `handoff[${i}]`, true);
    const from = c.string(h, 'from', `handoff[${i}]`);
    if (from === undefined) return;
    const role = /^values\.(\w+)$/.exec(from)?.[1];
    if (from === 'org.consumerKey') {
      if (root.externalClientApp === undefined) c.error('VendorJsonHandoffKeyWithoutApp', `handoff[${i}].from`);
    } else if (role === undefined) {
      c.error('VendorJsonHandoffFromInvalid', `handoff[${i}].from`, [from], [[...roleAt.keys()].join(', ') || 'none']);
    } else if (!roleAt.has(role)) {
      c.error(
        'VendorJsonHandoffRoleUnknown',
        `handoff[${i}].from`,
        [from, role],
        [[...roleAt.keys()].map((r) => `values.${r}`).join(', ') || 'org.consumerKey']
      );
    }
  });
};

const checkGuideSteps = (c: ShapeCheck, root: Record<string, unknown>): void => {
  (c.array(root, 'guideSteps', '') ?? []).forEach((item, i) => {
    const s = c.object(item, `guideSteps[${i}]`);
    if (!s) return;
    for (const key of ['id', 'section', 'guide']) c.string(s, key, `guideSteps[${i}]`);
    if (s.implementedBy === undefined && s.manual === undefined && s.command === undefined) {
      c.error('VendorJsonStepNotImplemented', `guideSteps[${i}]`);
    }
  });
};

/** vendor.json checked part by part, in the order of its keys, so its problems read top to bottom. */
const checkEntry = (data: unknown, rel: string, dirName: string): { entry?: VendorEntry; problems: Problem[] } => {
  const c = new ShapeCheck(rel);
  const root = c.object(data, '');
  if (!root) return { problems: c.problems };
  const name = c.string(root, 'name', '');
  if (name !== undefined && name !== dirName) c.error('VendorJsonNameNotFolder', 'name', [name, dirName], [dirName]);
  for (const key of ['title', 'guide', 'packageDirectory']) c.string(root, key, '');
  const integrationUser = c.string(root, 'integrationUser', '', true);
  const roleAt = checkValues(c, root);
  checkPermissionSets(c, root);
  checkPermissions(c, root);
  checkTrustedRanges(c, root);
  checkOrgFeatures(c, root);
  checkHardeningSpec(c, root);
  if (root.advice !== undefined) {
    const advice = c.object(root.advice, 'advice');
    if (advice) c.string(advice, 'profileLoginIpRanges', 'advice', true);
  }
  checkUserValues(c, root, integrationUser !== undefined, roleAt);
  checkHandoff(c, root, roleAt);
  c.stringArray(root, 'afterResume', '', true);
  checkGuideSteps(c, root);
  return c.problems.length ? { problems: c.problems } : { entry: root as unknown as VendorEntry, problems: [] };
};

/** A vendor with an integration user names its username and email by role; one without has neither, and no hardened profile. */
const checkUserValues = (
  c: ShapeCheck,
  root: Record<string, unknown>,
  hasUser: boolean,
  roleAt: Map<string, number>
): void => {
  for (const role of ['integrationUsername', 'integrationUserEmail']) {
    const at = roleAt.get(role);
    if (hasUser && at === undefined) c.error('VendorJsonUserRoleMissing', 'values', [role], [role]);
    if (!hasUser && at !== undefined) c.error('VendorJsonUserRoleWithoutUser', `values[${at}].role`, [role]);
  }
  const restrict = (root.hardening as { restrictLoginToVendorRanges?: { applies?: unknown } } | undefined)
    ?.restrictLoginToVendorRanges;
  if (!hasUser && restrict?.applies === true)
    c.error('VendorJsonHardeningWithoutUser', 'hardening.restrictLoginToVendorRanges.applies');
};

const checkHardeningSpec = (c: ShapeCheck, root: Record<string, unknown>): void => {
  if (root.hardening === undefined) return;
  const hardening = c.object(root.hardening, 'hardening');
  const restrict = hardening
    ? c.object(hardening.restrictLoginToVendorRanges, 'hardening.restrictLoginToVendorRanges')
    : undefined;
  if (!restrict) return;
  const at = 'hardening.restrictLoginToVendorRanges';
  const applies = c.boolean(restrict, 'applies', at);
  c.string(restrict, 'why', at);
  if (applies) {
    c.string(restrict, 'profile', at);
    c.string(restrict, 'file', at);
  }
};

const USER_KEYS = [
  'LastName',
  'Alias',
  'TimeZoneSidKey',
  'LocaleSidKey',
  'EmailEncodingKey',
  'LanguageLocaleKey',
  'userLicense',
  'profileName',
  'profileByLicense',
];

const checkUser = (data: unknown, rel: string): { user?: IntegrationUserDefinition; problems: Problem[] } => {
  const c = new ShapeCheck(rel);
  const root = c.object(data, '');
  if (!root) return { problems: c.problems };
  for (const key of USER_KEYS) c.string(root, key, '');
  c.stringArray(root, 'permissionSetLicenses', '');
  c.stringArray(root, 'permsets', '');
  if (typeof root.Alias === 'string' && root.Alias.length > 8)
    c.error('UserDefinitionAliasTooLong', 'Alias', [root.Alias]);
  return c.problems.length
    ? { problems: c.problems }
    : { user: root as unknown as IntegrationUserDefinition, problems: [] };
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

/** Picks the vendors named by `--vendor` (`all` = every vendor). */
export const selectVendors = (all: Vendor[], names: string[]): { selected: Vendor[]; unknown: string[] } => {
  if (!names.length || names.includes('all')) return { selected: all, unknown: [] };
  const unknown = names.filter((n) => !all.some((v) => v.name === n));
  return { selected: all.filter((v) => names.includes(v.name)), unknown };
};
