import fs from 'node:fs';
import path from 'node:path';
import { SfError } from '@salesforce/core/sfError';
import { decodeText, INPUT_LIMITS, readRegularFile } from '../files';
import type { Problem } from '../inputs/problem';
import { describe, ShapeCheck } from './shapeCheck';
import { IntegrationUserDefinition, ROLE_TYPES, Vendor, VendorEntry, VALUE_ROLES, VALUE_TYPES } from './vendorEntry';

export type LoadedCatalogue = { vendors: Vendor[]; problems: Problem[] };

const readJson = (file: string, rel: string, problems: Problem[]): unknown => {
  let text: string;
  try {
    text = decodeText(readRegularFile(file, { display: rel, maxBytes: INPUT_LIMITS.projectFileBytes }), rel);
  } catch (err) {
    const e = SfError.wrap(err instanceof Error ? err : String(err));
    const missing = e.name === 'FileNotFoundError';
    problems.push({
      severity: 'error',
      file: rel,
      field: '',
      message: missing ? 'cannot be read' : e.message,
      fix: missing ? `Create ${rel}, or restore it from git.` : (e.actions ?? []).join(' '),
    });
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    problems.push({
      severity: 'error',
      file: rel,
      field: '',
      message: `is not valid JSON: ${(err as Error).message}`,
      fix: 'Fix the JSON syntax (a JSON linter shows where).',
    });
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

const checkEntry = (data: unknown, rel: string, dirName: string): { entry?: VendorEntry; problems: Problem[] } => {
  const c = new ShapeCheck(rel);
  const root = c.object(data, '');
  if (!root) return { problems: c.problems };
  const name = c.string(root, 'name', '');
  if (name !== undefined && name !== dirName)
    c.fail(
      'name',
      `"${name}" differs from the folder name "${dirName}"`,
      `Set name to "${dirName}", or rename the folder.`
    );
  for (const key of ['title', 'guide', 'packageDirectory']) c.string(root, key, '');
  const integrationUser = c.string(root, 'integrationUser', '', true);
  const roleAt = new Map<string, number>();
  (c.array(root, 'values', '') ?? []).forEach((item, i) => {
    const v = c.object(item, `values[${i}]`);
    if (!v) return;
    c.string(v, 'key', `values[${i}]`);
    const type = c.oneOf(v, 'type', `values[${i}]`, VALUE_TYPES);
    const role = c.oneOf(v, 'role', `values[${i}]`, VALUE_ROLES);
    if (role !== undefined && role !== 'none') {
      const first = roleAt.get(role);
      if (first !== undefined)
        c.fail(
          `values[${i}].role`,
          `"${role}" is already the role of values[${first}]`,
          'Give each role to one value; use "none" for values generic code does not need.'
        );
      else roleAt.set(role, i);
      if (type !== undefined && type !== ROLE_TYPES[role])
        c.fail(
          `values[${i}].role`,
          `"${role}" needs a value of type "${ROLE_TYPES[role]}", found "${type}"`,
          `Set type to "${ROLE_TYPES[role]}", or choose another role.`
        );
    }
    c.boolean(v, 'required', `values[${i}]`);
    c.string(v, 'description', `values[${i}]`);
    c.string(v, 'env', `values[${i}]`, true);
    c.string(v, 'replacementFile', `values[${i}]`, true);
  });
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
  const guideRequired = c.object(root.guideRequiredPermissions, 'guideRequiredPermissions');
  for (const key of Object.keys(guideRequired ?? {}))
    c.stringArray(guideRequired ?? {}, key, 'guideRequiredPermissions');
  c.array(root, 'runtimePermissions', '');
  if (root.permissions !== undefined) {
    const permissions = c.object(root.permissions, 'permissions');
    for (const [name, item] of Object.entries(permissions ?? {})) {
      const at = `permissions.${name}`;
      if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name))
        c.fail(
          at,
          `"${name}" is not a permission API name`,
          'Use the PermissionSet field name without "Permissions" (describe(PermissionSet) lists them).'
        );
      const p = c.object(item, at);
      if (!p) continue;
      c.string(p, 'label', at);
      c.string(p, 'why', at);
      if (![0, 1, 2, 3, 4].includes(p.tier as number))
        c.fail(
          `${at}.tier`,
          `must be a risk tier 0 to 4, found ${describe(p.tier)}`,
          'Set tier to 0 (can take over the org) … 4 (an access channel only), as the review report explains.'
        );
      c.stringArray(p, 'requires', at, true);
    }
  }
  const ranges = c.object(root.trustedRanges, 'trustedRanges');
  if (ranges) {
    c.string(ranges, 'owner', 'trustedRanges');
    c.string(ranges, 'descriptionPrefix', 'trustedRanges');
    c.string(ranges, 'source', 'trustedRanges');
    const fromValue = c.string(ranges, 'fromValue', 'trustedRanges', true);
    const values = Array.isArray(root.values) ? (root.values as Array<{ key?: unknown; type?: unknown }>) : [];
    if (fromValue !== undefined && !values.some((v) => v && v.key === fromValue && v.type === 'ipRanges')) {
      c.fail(
        'trustedRanges.fromValue',
        `"${fromValue}" is not the key of a value of type "ipRanges"`,
        `Name the key of the ipRanges value that holds per-org ranges (${
          values
            .filter((v) => v && v.type === 'ipRanges')
            .map((v) => String(v.key))
            .join(', ') || 'add one to values'
        }).`
      );
    }
    if (ranges.file === undefined && ranges.fromValue === undefined) {
      c.fail(
        'trustedRanges',
        'names neither a file nor a fromValue',
        'Set trustedRanges.file (fixed ranges) or trustedRanges.fromValue (per-org ranges).'
      );
    }
  }
  (c.array(root, 'orgFeatures', '', true) ?? []).forEach((item, i) => {
    const f = c.object(item, `orgFeatures[${i}]`);
    if (!f) return;
    for (const key of ['id', 'title', 'withoutIt']) c.string(f, key, `orgFeatures[${i}]`);
    c.boolean(f, 'optional', `orgFeatures[${i}]`);
    for (const key of ['permissions', 'objects', 'settings']) c.stringArray(f, key, `orgFeatures[${i}]`);
    c.string(f, 'eventManager', `orgFeatures[${i}]`, true);
  });
  checkHardeningSpec(c, root);
  if (root.advice !== undefined) {
    const advice = c.object(root.advice, 'advice');
    if (advice) c.string(advice, 'profileLoginIpRanges', 'advice', true);
  }
  checkUserValues(c, root, integrationUser !== undefined, roleAt);
  (c.array(root, 'handoff', '') ?? []).forEach((item, i) => {
    const h = c.object(item, `handoff[${i}]`);
    if (!h) return;
    c.string(h, 'item', `handoff[${i}]`);
    c.string(h, 'where', `handoff[${i}]`, true);
    const from = c.string(h, 'from', `handoff[${i}]`);
    if (from === undefined) return;
    const role = /^values\.(\w+)$/.exec(from)?.[1];
    if (from === 'org.consumerKey') {
      if (root.externalClientApp === undefined)
        c.fail(
          `handoff[${i}].from`,
          '"org.consumerKey" needs an External Client App, and this vendor has none',
          'Remove the item, or describe the app in externalClientApp.'
        );
    } else if (role === undefined) {
      c.fail(
        `handoff[${i}].from`,
        `"${from}" is neither values.<role> nor org.consumerKey`,
        `Write "values.<role>" (one of the roles in values: ${
          [...roleAt.keys()].join(', ') || 'none'
        }) or "org.consumerKey".`
      );
    } else if (!roleAt.has(role)) {
      c.fail(
        `handoff[${i}].from`,
        `"${from}" names the role "${role}", which no value of this vendor has`,
        `Use one of: ${
          [...roleAt.keys()].map((r) => `values.${r}`).join(', ') || 'org.consumerKey'
        }; or give a value that role.`
      );
    }
  });
  c.stringArray(root, 'afterResume', '', true);
  (c.array(root, 'guideSteps', '') ?? []).forEach((item, i) => {
    const s = c.object(item, `guideSteps[${i}]`);
    if (!s) return;
    for (const key of ['id', 'section', 'guide']) c.string(s, key, `guideSteps[${i}]`);
    if (s.implementedBy === undefined && s.manual === undefined && s.command === undefined) {
      c.fail(
        `guideSteps[${i}]`,
        'says neither which element implements it, nor that it is manual or done by a command',
        'Add implementedBy, manual or command.'
      );
    }
  });
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
    if (hasUser && at === undefined)
      c.fail(
        'values',
        `has no value with role "${role}", which the integration user needs`,
        `Add a value with "role": "${role}", or remove integrationUser.`
      );
    if (!hasUser && at !== undefined)
      c.fail(
        `values[${at}].role`,
        `is "${role}", but the vendor has no integrationUser`,
        'Set integrationUser to the user definition (users/*.json), or give the value the role "none".'
      );
  }
  const restrict = (root.hardening as { restrictLoginToVendorRanges?: { applies?: unknown } } | undefined)
    ?.restrictLoginToVendorRanges;
  if (!hasUser && restrict?.applies === true)
    c.fail(
      'hardening.restrictLoginToVendorRanges.applies',
      'is true, but hardened mode moves the integration user and the vendor has none',
      'Set applies to false, or add integrationUser.'
    );
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
    c.fail(
      'Alias',
      `"${root.Alias}" is longer than 8 characters (the User.Alias limit)`,
      'Shorten the alias to 8 characters or fewer.'
    );
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
    problems.push({
      severity: 'error',
      file: 'sfdx-project.json',
      field: 'packageDirectories',
      message: 'no package directory holds a vendor.json',
      fix: 'Run vendor-access from the project root, or add force-app/<vendor>/vendor.json.',
    });
  }
  return { vendors, problems };
};

/** Picks the vendors named by `--vendor` (`all` = every vendor). */
export const selectVendors = (all: Vendor[], names: string[]): { selected: Vendor[]; unknown: string[] } => {
  if (!names.length || names.includes('all')) return { selected: all, unknown: [] };
  const unknown = names.filter((n) => !all.some((v) => v.name === n));
  return { selected: all.filter((v) => names.includes(v.name)), unknown };
};
