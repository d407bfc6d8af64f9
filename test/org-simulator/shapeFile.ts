import fs from 'node:fs';
import { schemaFields } from './schema';
import type { OrgShape } from './shapes';

/** A shape file that cannot be served: names the file, every field at fault and the fix. */
export class ShapeFileError extends Error {
  public constructor(public readonly file: string, public readonly problems: string[]) {
    super(`Shape file ${file} cannot be served:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ShapeFileError';
  }
}

type Json = Record<string, unknown>;

/** A fact the probed org refused: `"unknown: <the org's answer>"`. */
const UNKNOWN = /^unknown: (.*)$/s;
const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Facts a probe may record as unknown, and what the simulator holds instead. */
const UNKNOWABLE: Record<string, unknown> = {
  edition: 'Unknown Edition',
  sandbox: undefined,
  permissions: {},
  dependencies: {},
  otherDependencies: [],
  objects: [],
  userLicences: [],
  permissionSetLicences: [],
  profiles: [],
  realTimeEvents: [],
  realTimeEventsEnabled: undefined,
  permissionsByLabel: undefined,
  externalClientAppSettings: undefined,
  globalOauthRetrieve: undefined,
  setupEntityAccess: [],
};
const FIELDS = new Set(['name', 'source', 'probedAt', 'eventMonitoring', 'deployRequires', ...Object.keys(UNKNOWABLE)]);

class Checker {
  public readonly problems: string[] = [];
  public fail(field: string, problem: string, fix: string): void {
    this.problems.push(`${field}: ${problem}. Fix: ${fix}`);
  }
  public string(value: unknown, field: string): value is string {
    if (typeof value === 'string' && value !== '') return true;
    this.fail(field, `must be a non-empty string, got ${JSON.stringify(value)}`, 'write the value as a JSON string');
    return false;
  }
  public count(value: unknown, field: string): value is number {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return true;
    this.fail(
      field,
      `must be a whole number of 0 or more, got ${JSON.stringify(value)}`,
      'write the number of licences'
    );
    return false;
  }
  public boolean(value: unknown, field: string): value is boolean {
    if (typeof value === 'boolean') return true;
    this.fail(field, `must be true or false, got ${JSON.stringify(value)}`, 'write true or false');
    return false;
  }
  public object(value: unknown, field: string): value is Json {
    if (value && typeof value === 'object' && !Array.isArray(value)) return true;
    this.fail(field, 'must be a JSON object', 'write it as { … }');
    return false;
  }
  public array(value: unknown, field: string): value is unknown[] {
    if (Array.isArray(value)) return true;
    this.fail(field, 'must be a JSON array', 'write it as [ … ]');
    return false;
  }
  public names(value: unknown, field: string): value is string[] {
    if (!this.array(value, field)) return false;
    value.forEach((v, i) => this.string(v, `${field}[${i}]`));
    return value.every((v) => typeof v === 'string');
  }
}

const checkLicences = (c: Checker, value: unknown, field: string): void => {
  if (!c.array(value, field)) return;
  value.forEach((l, i) => {
    if (!c.object(l, `${field}[${i}]`)) return;
    c.string(l.name, `${field}[${i}].name`);
    c.count(l.total, `${field}[${i}].total`);
    c.count(l.used, `${field}[${i}].used`);
  });
};

/** Checks a parsed shape and returns it with unknown facts replaced by what the simulator holds instead. */
// eslint-disable-next-line complexity -- one check per field of a shape file
export const checkShape = (data: unknown, file: string): OrgShape => {
  const c = new Checker();
  if (!c.object(data, '(root)')) throw new ShapeFileError(file, c.problems);
  const shape: Json = { ...data };
  const unknown: Record<string, string> = {};
  for (const key of Object.keys(shape))
    if (!FIELDS.has(key))
      c.fail(key, 'is not a field of an org shape', `remove it, or use one of: ${[...FIELDS].join(', ')}`);
  for (const [key, fallback] of Object.entries(UNKNOWABLE)) {
    const reason = typeof shape[key] === 'string' ? UNKNOWN.exec(shape[key])?.[1] : undefined;
    if (reason === undefined) continue;
    unknown[key] = reason;
    if (fallback === undefined) delete shape[key];
    else shape[key] = fallback;
  }
  c.string(shape.name, 'name');
  if (shape.source !== undefined) c.string(shape.source, 'source');
  if (shape.probedAt !== undefined && (typeof shape.probedAt !== 'string' || Number.isNaN(Date.parse(shape.probedAt))))
    c.fail('probedAt', 'must be an ISO 8601 time', 'write e.g. "2026-12-01T12:00:00.000Z"');
  c.string(shape.edition, 'edition');
  if (shape.eventMonitoring !== undefined) c.boolean(shape.eventMonitoring, 'eventMonitoring');
  if (shape.sandbox === false) delete shape.sandbox;
  if (shape.sandbox !== undefined && c.object(shape.sandbox, 'sandbox')) {
    // Help "Create a Sandbox": up to 10 letters or digits ("starting with a letter" unverified).
    if (typeof shape.sandbox.name !== 'string' || !/^[A-Za-z][A-Za-z0-9]{0,9}$/.test(shape.sandbox.name))
      c.fail(
        'sandbox.name',
        `must be 1-10 letters or digits, starting with a letter, got ${JSON.stringify(shape.sandbox.name)}`,
        'write the sandbox name, e.g. "uat", or false for production'
      );
  }
  const permissions = c.object(shape.permissions, 'permissions') ? shape.permissions : {};
  for (const [name, label] of Object.entries(permissions)) {
    if (!API_NAME.test(name))
      c.fail(
        `permissions.${name}`,
        'is not a permission API name',
        'use the name without the "Permissions" prefix, e.g. ViewSetup'
      );
    c.string(label, `permissions.${name}`);
  }
  const known = (name: string): boolean => 'permissions' in unknown || name in permissions;
  if (c.object(shape.dependencies, 'dependencies')) {
    for (const [name, required] of Object.entries(shape.dependencies)) {
      if (!known(name))
        c.fail(
          `dependencies.${name}`,
          'names a permission the shape does not list in permissions',
          `add ${name} to permissions, or remove the entry`
        );
      if (!c.names(required, `dependencies.${name}`)) continue;
      for (const r of required)
        if (!known(r))
          c.fail(
            `dependencies.${name}`,
            `requires ${r}, which the shape does not list in permissions`,
            `add ${r} to permissions`
          );
    }
  }
  if (shape.deployRequires !== undefined && c.object(shape.deployRequires, 'deployRequires')) {
    for (const [name, required] of Object.entries(shape.deployRequires)) {
      if (!c.names(required, `deployRequires.${name}`)) continue;
      for (const r of [name, ...required])
        if (!known(r))
          c.fail(
            `deployRequires.${name}`,
            `names ${r}, which the shape does not list in permissions`,
            `add ${r} to permissions`
          );
    }
  }
  if (shape.otherDependencies !== undefined && c.array(shape.otherDependencies, 'otherDependencies')) {
    shape.otherDependencies.forEach((row, i) => {
      if (!c.object(row, `otherDependencies[${i}]`)) return;
      for (const key of ['permission', 'permissionType', 'requiredPermission', 'requiredPermissionType'])
        c.string(row[key], `otherDependencies[${i}].${key}`);
    });
  }
  c.names(shape.objects, 'objects');
  checkLicences(c, shape.userLicences, 'userLicences');
  const licenceNames = Array.isArray(shape.userLicences) ? shape.userLicences.map((l) => (l as Json).name) : [];
  if (c.array(shape.permissionSetLicences, 'permissionSetLicences')) {
    shape.permissionSetLicences = shape.permissionSetLicences.map((p, i) => {
      const field = `permissionSetLicences[${i}]`;
      if (!c.object(p, field)) return p;
      const psl = { ...p };
      c.string(psl.developerName, `${field}.developerName`);
      c.string(psl.masterLabel, `${field}.masterLabel`);
      c.count(psl.total, `${field}.total`);
      c.count(psl.used, `${field}.used`);
      const reason = typeof psl.deniedPermissions === 'string' ? UNKNOWN.exec(psl.deniedPermissions)?.[1] : undefined;
      if (reason !== undefined) {
        unknown[`${field}.deniedPermissions`] = reason;
        psl.deniedPermissions = [];
      }
      const licenseReason = typeof psl.licenseInFiles === 'string' ? UNKNOWN.exec(psl.licenseInFiles)?.[1] : undefined;
      if (licenseReason !== undefined) {
        unknown[`${field}.licenseInFiles`] = licenseReason;
        delete psl.licenseInFiles;
      }
      if (psl.licenseInFiles !== undefined) c.string(psl.licenseInFiles, `${field}.licenseInFiles`);
      if (c.names(psl.deniedPermissions, `${field}.deniedPermissions`)) {
        for (const d of psl.deniedPermissions)
          if (!known(d))
            c.fail(
              `${field}.deniedPermissions`,
              `names ${d}, which the shape does not list in permissions`,
              `add ${d} to permissions, or remove it here`
            );
      }
      return psl;
    });
  }
  if (c.array(shape.profiles, 'profiles')) {
    shape.profiles.forEach((p, i) => {
      if (!c.object(p, `profiles[${i}]`)) return;
      c.string(p.name, `profiles[${i}].name`);
      if (
        c.string(p.licence, `profiles[${i}].licence`) &&
        !('userLicences' in unknown) &&
        !licenceNames.includes(p.licence)
      ) {
        c.fail(
          `profiles[${i}].licence`,
          `names "${p.licence}", which is not in userLicences`,
          'add the licence to userLicences, or name one it lists'
        );
      }
    });
  }
  if (
    c.names(shape.realTimeEvents, 'realTimeEvents') &&
    shape.realTimeEventsEnabled !== undefined &&
    c.names(shape.realTimeEventsEnabled, 'realTimeEventsEnabled')
  ) {
    for (const e of shape.realTimeEventsEnabled)
      if (!shape.realTimeEvents.includes(e))
        c.fail('realTimeEventsEnabled', `names ${e}, which is not in realTimeEvents`, `add ${e} to realTimeEvents`);
  }
  if (shape.permissionsByLabel !== undefined && c.object(shape.permissionsByLabel, 'permissionsByLabel')) {
    for (const [label, name] of Object.entries(shape.permissionsByLabel)) {
      if (name === null) continue;
      if (typeof name !== 'string' || permissions[name] !== label)
        c.fail(
          `permissionsByLabel.${label}`,
          `must be null or a permission whose label in permissions is "${label}"`,
          'write the permission that carries this label, or null'
        );
    }
  }
  if (
    shape.externalClientAppSettings !== undefined &&
    c.object(shape.externalClientAppSettings, 'externalClientAppSettings')
  ) {
    const schema = schemaFields('ExternalClientAppSettings') ?? {};
    for (const [field, value] of Object.entries(shape.externalClientAppSettings)) {
      if (!schema[field] || field === 'fullName')
        c.fail(
          `externalClientAppSettings.${field}`,
          "is not in Salesforce's Metadata API schema for ExternalClientAppSettings",
          `remove it; the schema has ${Object.keys(schema)
            .filter((f) => f !== 'fullName')
            .join(', ')}`
        );
      c.string(value, `externalClientAppSettings.${field}`);
    }
  }
  if (shape.globalOauthRetrieve !== undefined && c.object(shape.globalOauthRetrieve, 'globalOauthRetrieve')) {
    c.boolean(shape.globalOauthRetrieve.certificate, 'globalOauthRetrieve.certificate');
    c.boolean(shape.globalOauthRetrieve.consumerKey, 'globalOauthRetrieve.consumerKey');
  }
  if (shape.setupEntityAccess !== undefined && c.array(shape.setupEntityAccess, 'setupEntityAccess')) {
    shape.setupEntityAccess.forEach((s, i) => {
      if (!c.object(s, `setupEntityAccess[${i}]`)) return;
      c.string(s.setupEntityType, `setupEntityAccess[${i}].setupEntityType`);
      c.count(s.rows, `setupEntityAccess[${i}].rows`);
      c.names(s.permissionSets, `setupEntityAccess[${i}].permissionSets`);
    });
  }
  if (c.problems.length) throw new ShapeFileError(file, c.problems);
  return { ...(shape as OrgShape), ...(Object.keys(unknown).length ? { unknown } : {}) };
};

/** Reads and checks a shape file; every fault is reported with the file and the field. */
export const loadShapeFile = (file: string): OrgShape => {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ShapeFileError(file, [
      `(file): cannot be read (${
        (err as NodeJS.ErrnoException).code ?? 'error'
      }). Fix: give the path of a shape file, e.g. one vendor-access probe wrote`,
    ]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ShapeFileError(file, [
      `(file): is not valid JSON (${(err as Error).message}). Fix: correct the JSON syntax`,
    ]);
  }
  return checkShape(data, file);
};
