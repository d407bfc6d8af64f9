import type { ShapeCheck } from './shapeCheck';
import { ROLE_TYPES, ValueRole, ValueType, VendorEntry } from './vendorEntry';

/**
 * vendor.json as far as the schema check found it sound: `get(field)` is the value at a JSON path
 * when no schema problem lies there or below it, else undefined. Rules read only through it, so no
 * input makes them throw.
 */
type Sound = {
  get: <T>(field: string) => T | undefined;
  /** How many entries a list key has (0 when it is no list). */
  length: (key: 'values' | 'handoff') => number;
};

const soundParts = (c: ShapeCheck, data: Record<string, unknown>): Sound => {
  const flawed = c.problems.map((p) => p.field);
  const ok = (field: string): boolean =>
    !flawed.some((f) => f === field || f.startsWith(`${field}.`) || f.startsWith(`${field}[`));
  const at = (field: string): unknown =>
    field
      .split(/\.|(?=\[)/)
      .reduce<unknown>(
        (value, step) =>
          value !== null && typeof value === 'object'
            ? (value as Record<string, unknown>)[step.startsWith('[') ? step.slice(1, -1) : step]
            : undefined,
        data
      );
  return {
    get: <T>(field: string): T | undefined => (ok(field) ? (at(field) as T | undefined) : undefined),
    length: (key): number => {
      const list = data[key];
      return Array.isArray(list) ? list.length : 0;
    },
  };
};

/**
 * What vendor.json must say beyond its shape (schemas/vendor.schema.json): rules across keys that
 * a JSON Schema cannot state with a useful fix. They run after the schema check, as the checks
 * always did (a file with a bad tier and a bad handoff hears of both), on the parts it found sound.
 */
export const checkVendorRules = (c: ShapeCheck, data: unknown, dirName: string): void => {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return;
  const sound = soundParts(c, data as Record<string, unknown>);
  const name = sound.get<string>('name');
  if (name !== undefined && name !== dirName) c.error('VendorJsonNameNotFolder', 'name', [name, dirName], [dirName]);
  const roleAt = checkRoles(c, sound);
  checkRangesValue(c, sound);
  checkUserValues(c, sound, roleAt);
  checkHandoff(c, sound, roleAt);
};

/** Every role but `none` at most once, each on a value of its type; returns where each role is. */
const checkRoles = (c: ShapeCheck, { get, length }: Sound): Map<string, number> => {
  const roleAt = new Map<string, number>();
  for (let i = 0; i < length('values'); i++) {
    const role = get<ValueRole>(`values[${i}].role`);
    const type = get<ValueType>(`values[${i}].type`);
    if (role === undefined || role === 'none') continue;
    const first = roleAt.get(role);
    if (first !== undefined) c.error('VendorJsonRoleTwice', `values[${i}].role`, [role, String(first)]);
    else roleAt.set(role, i);
    if (type !== undefined && type !== ROLE_TYPES[role])
      c.error('VendorJsonRoleTypeMismatch', `values[${i}].role`, [role, ROLE_TYPES[role], type], [ROLE_TYPES[role]]);
  }
  return roleAt;
};

/**
 * `trustedRanges.fromValue` names a value of type ipRanges; without trustedRanges (a vendor that
 * publishes no addresses) no value may hold ranges: they would have no owner or description prefix.
 */
const checkRangesValue = (c: ShapeCheck, { get, length }: Sound): void => {
  const values = Array.from({ length: length('values') }, (_, i) => ({
    key: get<string>(`values[${i}].key`),
    type: get<ValueType>(`values[${i}].type`),
  }));
  if (get('trustedRanges') === undefined) {
    const at = values.findIndex((v) => v.type === 'ipRanges');
    if (at >= 0) c.error('VendorJsonRangesValueWithoutSpec', `values[${at}].type`);
    return;
  }
  const fromValue = get<string>('trustedRanges.fromValue');
  if (fromValue === undefined) return;
  if (values.some((v) => v.key === fromValue && v.type === 'ipRanges')) return;
  const keys = values.filter((v) => v.type === 'ipRanges').map((v) => String(v.key));
  if (keys.length)
    c.error('VendorJsonRangesValueNotIpRanges', 'trustedRanges.fromValue', [fromValue], [keys.join(', ')]);
  else c.error('VendorJsonRangesValueMissing', 'trustedRanges.fromValue', [fromValue]);
};

/** A vendor with an integration user names its username and email by role; one without has neither, and no hardened profile. */
const checkUserValues = (c: ShapeCheck, { get }: Sound, roleAt: Map<string, number>): void => {
  const hasUser = get<VendorEntry['integrationUser']>('integrationUser') !== undefined;
  for (const role of ['integrationUsername', 'integrationUserEmail']) {
    const at = roleAt.get(role);
    if (hasUser && at === undefined) c.error('VendorJsonUserRoleMissing', 'values', [role], [role]);
    if (!hasUser && at !== undefined) c.error('VendorJsonUserRoleWithoutUser', `values[${at}].role`, [role]);
  }
  if (!hasUser && get<boolean>('hardening.restrictLoginToVendorRanges.applies') === true)
    c.error('VendorJsonHardeningWithoutUser', 'hardening.restrictLoginToVendorRanges.applies');
  // A client-credentials app runs as the vendor's integration user: there must be one.
  if (!hasUser && get<string>('externalClientApp.flow') === 'clientCredentials')
    c.error('VendorJsonRunAsWithoutUser', 'externalClientApp.flow');
};

/**
 * `handoff[].from` is `values.<role>` of a role some value has, `org.consumerKey` or
 * `org.consumerSecret` (with `where`: it is never read) of a vendor with an app, or `org.myDomainUrl`.
 */
const checkHandoff = (c: ShapeCheck, { get, length }: Sound, roleAt: Map<string, number>): void => {
  for (let i = 0; i < length('handoff'); i++) {
    const from = get<string>(`handoff[${i}].from`);
    if (from === undefined) continue;
    const role = /^values\.(\w+)$/.exec(from)?.[1];
    if (from === 'org.consumerKey') {
      if (get('externalClientApp') === undefined) c.error('VendorJsonHandoffKeyWithoutApp', `handoff[${i}].from`);
    } else if (from === 'org.consumerSecret') {
      if (get('externalClientApp') === undefined) c.error('VendorJsonHandoffSecretWithoutApp', `handoff[${i}].from`);
      if (get(`handoff[${i}].where`) === undefined)
        c.error('VendorJsonHandoffSecretWithoutWhere', `handoff[${i}].where`);
    } else if (from === 'org.myDomainUrl') {
      // Always known: the URL of the org the run is connected to.
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
  }
};
