import { loadMessages } from '../messages';
import { parseMetadataXml, textOf, XmlNode } from './xml';

const internal = loadMessages('internal');

/** The child that identifies each entry of a repeated element, so lists compare by meaning, not order. */
const ENTRY_KEYS: Record<string, string> = {
  userPermissions: 'name',
  objectPermissions: 'object',
  fieldPermissions: 'field',
  realTimeEvents: 'entityName',
  ipRanges: 'start',
  loginIpRanges: 'startAddress',
  customAttributes: 'key',
};

/** Leaf values by path, e.g. `userPermissions[ViewSetup]/enabled` → `true`. */
export const flattenXml = (node: XmlNode, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [key, values] of Object.entries(node)) {
    if (key.startsWith('@') || key === '#text') continue;
    values.forEach((value, i) => {
      const entryKey = ENTRY_KEYS[key];
      const id = typeof value === 'object' && entryKey ? textOf(value[entryKey]?.[0]) : undefined;
      const path = `${prefix}${key}${id !== undefined ? `[${id}]` : values.length > 1 ? `[${i}]` : ''}`;
      const text = textOf(value);
      if (text !== undefined && (typeof value !== 'object' || Object.keys(value).length === 0)) out.set(path, text);
      else if (typeof value === 'object') for (const [k, v] of flattenXml(value, `${path}/`)) out.set(k, v);
    });
  }
  return out;
};

export type ValueChange = { path: string; from?: string; to?: string };

/**
 * Value-level differences between what the org holds and what we would deploy. `whole` types
 * (permission sets) are replaced on deploy, so anything only in the org is a removal; other types
 * (settings, ECA records) keep fields we do not send, so only our fields are compared.
 */
/**
 * Lists a deploy replaces whole even on types that otherwise keep unsent fields: a Profile's login IP
 * ranges (reference §0.6, REPLACE semantics), so an extra range in the org is a removal to plan.
 */
const REPLACED_LISTS = ['loginIpRanges'];

// What we deploy is the same text for every org of a fleet: flattened once (bounded; read-only below).
const MAX_DESIRED = 256;
const flattenedDesired = new Map<string, Map<string, string>>();
const flattenDesired = (desiredXml: string): Map<string, string> => {
  const found = flattenedDesired.get(desiredXml);
  if (found) return found;
  const desired = parseMetadataXml(desiredXml);
  if (!desired.ok) throw internal.createError('error.UnparsableGeneratedMetadata', [desired.message]);
  const flat = flattenXml(desired.node);
  flattenedDesired.set(desiredXml, flat);
  if (flattenedDesired.size > MAX_DESIRED) flattenedDesired.delete(flattenedDesired.keys().next().value as string);
  return flat;
};

export const diffMetadata = (orgXml: string | undefined, desiredXml: string, whole: boolean): ValueChange[] => {
  const after = flattenDesired(desiredXml);
  const org = orgXml ? parseMetadataXml(orgXml) : undefined;
  const before = org?.ok ? flattenXml(org.node) : new Map<string, string>();
  const changes: ValueChange[] = [];
  for (const [path, to] of after) {
    const from = before.get(path);
    if (from !== to) changes.push({ path, ...(from === undefined ? {} : { from }), to });
  }
  const sentLists = REPLACED_LISTS.filter((list) => [...after.keys()].some((k) => k.startsWith(`${list}[`)));
  const replaced = (path: string): boolean => sentLists.some((list) => path.startsWith(`${list}[`));
  for (const [path, from] of before) if (!after.has(path) && (whole || replaced(path))) changes.push({ path, from });
  return changes.sort((a, b) => a.path.localeCompare(b.path));
};
