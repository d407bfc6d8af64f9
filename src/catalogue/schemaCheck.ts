import { loadMessages } from '../messages';
import { describe, ShapeCheck } from './shapeCheck';

const internal = loadMessages('internal');
/** A schema of schemas/ that this checker cannot read is this package's bug, not the user's input. */
const schemaBug = (what: string): Error => internal.createError('error.CatalogueSchemaInvalid', [what]);

/**
 * The part of JSON Schema (draft-07) the catalogue's schemas use (schemas/*.schema.json). Editors
 * read the same files, so an editor and `check` agree on what is valid; test/catalogue/schemas.test.ts
 * holds every keyword a schema uses to be one of SCHEMA_KEYWORDS.
 */
export type Schema = {
  $ref?: string;
  type?: 'object' | 'array' | 'string' | 'boolean';
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | false;
  propertyNames?: Schema;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  maxLength?: number;
  if?: Schema;
  then?: Schema;
  anyOf?: Schema[];
  definitions?: Record<string, Schema>;
  /**
   * Our extension: the problem code (messages/catalogue.md) reported when the keyword named fails,
   * instead of the generic one. Its message takes one token: the value (`describe`d, for `type`
   * and `enum`; as written, for `pattern` and `maxLength`), or none for `anyOf`; its fix none.
   */
  'x-problems'?: Partial<Record<'type' | 'enum' | 'pattern' | 'maxLength' | 'anyOf', string>>;
};

/** Keywords the walker acts on, and annotations it leaves to editors. Any other keyword is a bug in a schema. */
export const SCHEMA_KEYWORDS = {
  checked: [
    '$ref',
    'type',
    'properties',
    'required',
    'additionalProperties',
    'propertyNames',
    'items',
    'enum',
    'const',
    'pattern',
    'maxLength',
    'if',
    'then',
    'anyOf',
    'definitions',
    'x-problems',
  ],
  annotations: ['$schema', '$id', 'title', 'description'],
};

type Where = 'property' | 'item';

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Checks `data` against `root` (a schema of schemas/) and records each mismatch in `check` with the
 * codes the hand-written checks always used (CatalogueStringMissing, CatalogueNotAList, …), the
 * file, and the JSON path as the field. Keys are visited in the schema's order, then the file's, so
 * the problems read top to bottom. Nothing here throws on any JSON value: a wrong type is a problem.
 * Returns true when the data matches; only then may code read it as its TypeScript type.
 */
export const checkAgainstSchema = (root: Schema, data: unknown, check: ShapeCheck): boolean => {
  const before = check.problems.length;
  const resolve = (node: Schema): Schema => {
    let at = node;
    for (let hops = 0; at.$ref !== undefined; hops++) {
      const name = /^#\/definitions\/([^/]+)$/.exec(at.$ref)?.[1];
      const target = name === undefined ? undefined : root.definitions?.[name];
      if (!target || hops > 20) throw schemaBug(`$ref ${at.$ref} does not resolve`);
      at = target;
    }
    return at;
  };

  const missing = (node: Schema, path: string): void => {
    const s = resolve(node);
    if (s.type === 'string') check.error('CatalogueStringMissing', path, [], [path]);
    else if (s.type === 'boolean') check.error('CatalogueBooleanMissing', path, [], [path]);
    else if (s.type === 'array') check.error('CatalogueListMissing', path, [], [path]);
    else if (s.type === 'object') check.error('CatalogueNotAnObject', path, [describe(undefined)], [path]);
    else if (s['x-problems']?.enum) check.error(s['x-problems'].enum, path, [describe(undefined)]);
    else throw schemaBug(`${path} has no type to say what is missing`);
  };

  const typeProblem = (s: Schema, value: unknown, path: string, where: Where): boolean => {
    const own = s['x-problems']?.type;
    const wrong = (code: string, fixTokens: string[] = [path]): false => {
      if (own) check.error(own, path, [describe(value)]);
      else check.error(code, path, [describe(value)], fixTokens);
      return false;
    };
    switch (s.type) {
      case 'object':
        return isObject(value) || wrong('CatalogueNotAnObject');
      case 'array':
        return Array.isArray(value) || wrong('CatalogueNotAList');
      case 'boolean':
        return typeof value === 'boolean' || wrong('CatalogueNotABoolean');
      case 'string':
        if (typeof value !== 'string')
          return where === 'item' ? wrong('CatalogueListEntryNotAString', []) : wrong('CatalogueNotAString');
        return s.pattern === undefined || new RegExp(s.pattern, 'u').test(value) || wrong('CatalogueNotAString');
      default:
        return true;
    }
  };

  /** `if` holds when every key it requires is there and every `const` it names matches. */
  const holds = (s: Schema, value: Record<string, unknown>): boolean =>
    (s.required ?? []).every((k) => value[k] !== undefined) &&
    Object.entries(s.properties ?? {}).every(
      ([k, p]) => value[k] === undefined || p.const === undefined || value[k] === p.const
    );

  const walkObject = (s: Schema, value: Record<string, unknown>, path: string): void => {
    const required = new Set([
      ...(s.required ?? []),
      ...(s.if && s.then && holds(s.if, value) ? s.then.required ?? [] : []),
    ]);
    const properties = s.properties ?? {};
    for (const [key, sub] of Object.entries(properties)) {
      if (value[key] === undefined) {
        if (required.has(key)) missing(sub, join(path, key));
      } else walk(sub, value[key], join(path, key), 'property');
    }
    for (const [key, item] of Object.entries(value)) {
      if (key in properties) continue;
      const names = s.propertyNames;
      if (names?.pattern !== undefined && !new RegExp(names.pattern, 'u').test(key)) {
        const code = names['x-problems']?.pattern;
        if (!code) throw schemaBug(`propertyNames at ${path} names no problem`);
        check.error(code, join(path, key), [key]);
      }
      if (s.additionalProperties === false) {
        const known = Object.keys(properties).filter((k) => k !== '$schema');
        check.error('CatalogueKeyUnknown', join(path, key), [known.join(', ')]);
      } else if (s.additionalProperties) walk(s.additionalProperties, item, join(path, key), 'property');
    }
    if (s.anyOf && !s.anyOf.some((branch) => (branch.required ?? []).every((k) => value[k] !== undefined))) {
      const code = s['x-problems']?.anyOf;
      if (!code) throw schemaBug(`anyOf at ${path} names no problem`);
      check.error(code, path);
    }
  };

  const walk = (node: Schema, value: unknown, path: string, where: Where): void => {
    const s = resolve(node);
    if (!typeProblem(s, value, path, where)) return;
    if (s.enum && !s.enum.includes(value)) {
      const code = s['x-problems']?.enum;
      if (code) check.error(code, path, [describe(value)]);
      else {
        const allowed = s.enum.map(String).join(', ');
        check.error('CatalogueNotOneOf', path, [String(value), allowed], [allowed]);
      }
      return;
    }
    if (s.maxLength !== undefined && typeof value === 'string' && value.length > s.maxLength) {
      const code = s['x-problems']?.maxLength;
      if (!code) throw schemaBug(`maxLength at ${path} names no problem`);
      check.error(code, path, [value]);
    }
    if (isObject(value)) walkObject(s, value, path);
    if (Array.isArray(value) && s.items) {
      const items = s.items;
      value.forEach((item, i) => walk(items, item, `${path}[${i}]`, 'item'));
    }
  };

  walk(root, data, '', 'property');
  return check.problems.length === before;
};
