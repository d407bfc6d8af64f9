import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { loadVendors, VALUE_TYPES } from '../../src/catalogue';
import type {
  ElementAssertion,
  ExternalClientAppSpec,
  VendorAppScope,
  VendorAppSpec,
  Feature,
  GuideStep,
  HandoffItem,
  IntegrationUserDefinition,
  OrgFeatureSpec,
  PermissionSetRef,
  RestrictLoginSpec,
  RuntimePermission,
  TrustedRangesSpec,
  ValueSpec,
  VendorEntry,
  VendorPermission,
} from '../../src/catalogue';
import { checkAgainstSchema, Schema, SCHEMA_KEYWORDS } from '../../src/catalogue/schemaCheck';
import { ShapeCheck } from '../../src/catalogue/shapeCheck';
import { ROLE_TYPES, VALUE_ROLES } from '../../src/catalogue/vendorEntry';

/**
 * vendor.json is described once, in schemas/vendor.schema.json: the loader checks every key against
 * it (no input raises a TypeError), editors read it through `$schema`, and the TypeScript types name
 * the same keys. The cases are made from the schema itself, so a key added there is tested here.
 */
const ROOT = path.join(__dirname, '..', '..');
const readSchema = (name: string): Schema =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as Schema;
const VENDOR_SCHEMA = readSchema('vendor');
const USER_SCHEMA = readSchema('integration-user');

const resolve = (root: Schema, node: Schema): Schema => {
  const name = node.$ref?.replace('#/definitions/', '');
  return name === undefined ? node : resolve(root, root.definitions?.[name] ?? {});
};

/** Every JSON path the schema describes, with its schema, in a document that has every key. */
type Field = { path: string; schema: Schema; item: boolean };

/** A document with every key the schema knows set to a valid value, and the list of its fields. */
const sample = (root: Schema): { doc: unknown; fields: Field[] } => {
  const fields: Field[] = [];
  const make = (node: Schema, at: string, item: boolean): unknown => {
    const s = resolve(root, node);
    if (at) fields.push({ path: at, schema: s, item });
    const join = (key: string): string => (at ? `${at}.${key}` : key);
    if (s.type === 'object') {
      const obj: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(s.properties ?? {}))
        if (key !== '$schema') obj[key] = make(sub, join(key), false);
      if (s.additionalProperties) obj.SampleKey = make(s.additionalProperties, join('SampleKey'), false);
      return obj;
    }
    if (s.type === 'array') return [make(s.items ?? {}, `${at}[0]`, true)];
    if (s.enum) return s.enum[0];
    if (s.type === 'boolean') return true;
    return 'x';
  };
  return { doc: make(root, '', false), fields };
};

const check = (root: Schema, doc: unknown): ShapeCheck => {
  const c = new ShapeCheck('f.json');
  checkAgainstSchema(root, doc, c);
  return c;
};

const setAt = (doc: unknown, at: string, value: unknown): unknown => {
  const copy = JSON.parse(JSON.stringify(doc)) as unknown;
  const steps = at.split(/\.|(?=\[)/).map((s) => (s.startsWith('[') ? Number(s.slice(1, -1)) : s));
  const last = steps.pop() ?? '';
  const parent = steps.reduce<unknown>((v, s) => (v as Record<string | number, unknown>)[s], copy) as Record<
    string | number,
    unknown
  >;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
};

/** A value of the wrong type for a field, and the code the user sees. */
const wrong = (f: Field): { value: unknown; code: string } => {
  const own = f.schema['x-problems'];
  switch (f.schema.type) {
    case 'string':
      return { value: 5, code: own?.type ?? (f.item ? 'CatalogueListEntryNotAString' : 'CatalogueNotAString') };
    case 'boolean':
      return { value: 'yes', code: 'CatalogueNotABoolean' };
    case 'array':
      return { value: '18.98.16.160/27', code: 'CatalogueNotAList' };
    case 'object':
      return { value: 'text', code: 'CatalogueNotAnObject' };
    default:
      return { value: 'x', code: own?.enum ?? 'none' };
  }
};

describe('the schema describes every key of vendor.json and users/*.json', () => {
  const vendor = sample(VENDOR_SCHEMA);
  const user = sample(USER_SCHEMA);

  it('a document with every key set is valid (so each case below breaks one thing)', () => {
    expect(check(VENDOR_SCHEMA, vendor.doc).problems).toEqual([]);
    expect(check(USER_SCHEMA, user.doc).problems).toEqual([]);
    expect(vendor.fields.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'trustedRanges.published',
        'trustedRanges.published[0]',
        'guideSteps[0].implementedBy',
        'guideSteps[0].implementedBy[0].file',
        'guideSteps[0].implementedBy[0].absent',
        'externalClientApp.policies',
        'permissions.SampleKey.tier',
        'hardening.restrictLoginToVendorRanges.applies',
        'orgFeatures[0].eventManager',
      ])
    );
    expect(vendor.fields.length).toBeGreaterThan(90);
  });

  it.each([
    ['vendor.json', VENDOR_SCHEMA, vendor],
    ['users/*.json', USER_SCHEMA, user],
  ])('%s: every field given a wrong type is a named problem at that field', (_name, schema, made) => {
    const seen = made.fields.map((f) => {
      const { value } = wrong(f);
      const found = check(schema, setAt(made.doc, f.path, value)).problems;
      return { field: f.path, problems: found.map((p) => ({ code: p.code, file: p.file, field: p.field })) };
    });
    expect(seen).toEqual(
      made.fields.map((f) => ({ field: f.path, problems: [{ code: wrong(f).code, file: 'f.json', field: f.path }] }))
    );
  });

  it('every required key left out is a problem at that key', () => {
    const required = vendor.fields.filter((f) => {
      const parent = f.path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      const owner = parent === f.path ? undefined : vendor.fields.find((p) => p.path === parent)?.schema;
      const key = f.path.slice(parent.length + 1);
      return (owner ?? resolve(VENDOR_SCHEMA, VENDOR_SCHEMA)).required?.includes(parent === f.path ? f.path : key);
    });
    expect(required.length).toBeGreaterThan(40);
    for (const f of required) {
      const found = check(VENDOR_SCHEMA, setAt(vendor.doc, f.path, undefined)).problems;
      expect({ field: f.path, fields: found.map((p) => p.field) }).toEqual({ field: f.path, fields: [f.path] });
    }
  });

  it('a key the schema does not know is a problem naming the keys it knows', () => {
    const found = check(VENDOR_SCHEMA, setAt(vendor.doc, 'trustedRanges.publshed', ['1.2.3.4'])).problems;
    expect(found).toEqual([
      expect.objectContaining({
        code: 'CatalogueKeyUnknown',
        field: 'trustedRanges.publshed',
        message:
          'is not a key this file knows (they are: owner, descriptionPrefix, source, fromValue, file, published)',
      }),
    ]);
  });

  it('uses only keywords the checker understands, and nothing but annotations beside a $ref', () => {
    const known = new Set([...SCHEMA_KEYWORDS.checked, ...SCHEMA_KEYWORDS.annotations]);
    const bad: string[] = [];
    const visit = (node: unknown, at: string, isMap: boolean): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${at}[${i}]`, false));
      if (node === null || typeof node !== 'object') return;
      const obj = node as Record<string, unknown>;
      for (const [key, value] of Object.entries(obj)) {
        if (!isMap && !known.has(key)) bad.push(`${at}.${key}`);
        if (!isMap && obj.$ref !== undefined && !['$ref', ...SCHEMA_KEYWORDS.annotations].includes(key))
          bad.push(`${at}.${key} beside $ref`);
        if (key === 'enum' || key === 'const' || key === 'required' || key === 'x-problems') continue;
        visit(value, `${at}.${key}`, !isMap && (key === 'properties' || key === 'definitions'));
      }
    };
    visit(VENDOR_SCHEMA, 'vendor', false);
    visit(USER_SCHEMA, 'integration-user', false);
    expect(bad).toEqual([]);
  });

  it('names the same keys as the TypeScript types', () => {
    // `satisfies Record<keyof T, true>` fails to compile when a type gains or loses a key.
    const keysOf = (o: object): string[] => Object.keys(o).sort();
    const props = (name: string): string[] =>
      keysOf(resolve(VENDOR_SCHEMA, VENDOR_SCHEMA.definitions?.[name] ?? {}).properties ?? {});
    const top = VENDOR_SCHEMA.properties ?? {};
    const cases: Array<[string, string[], string[]]> = [
      [
        'VendorEntry',
        keysOf({
          formatVersion: true,
          name: true,
          title: true,
          guide: true,
          packageDirectory: true,
          values: true,
          permissionSets: true,
          features: true,
          guideRequiredPermissions: true,
          runtimePermissions: true,
          permissions: true,
          externalClientApp: true,
          vendorApp: true,
          newUserVerifiesEmail: true,
          integrationUser: true,
          trustedRanges: true,
          orgFeatures: true,
          hardening: true,
          advice: true,
          handoff: true,
          afterResume: true,
          guideSteps: true,
        } satisfies Record<keyof VendorEntry, true>),
        keysOf(top).filter((k) => k !== '$schema'),
      ],
      [
        'ValueSpec',
        keysOf({
          key: true,
          type: true,
          role: true,
          required: true,
          description: true,
          env: true,
          replacementFile: true,
        } satisfies Record<keyof ValueSpec, true>),
        props('value'),
      ],
      [
        'PermissionSetRef',
        keysOf({ name: true, file: true, assign: true, feature: true } satisfies Record<keyof PermissionSetRef, true>),
        props('permissionSet'),
      ],
      [
        'Feature',
        keysOf({ id: true, description: true, permissionSets: true } satisfies Record<keyof Feature, true>),
        props('feature'),
      ],
      [
        'RuntimePermission',
        keysOf({ permissionSet: true, label: true, why: true } satisfies Record<keyof RuntimePermission, true>),
        props('runtimePermission'),
      ],
      [
        'VendorPermission',
        keysOf({ label: true, tier: true, why: true, requires: true } satisfies Record<keyof VendorPermission, true>),
        props('permission'),
      ],
      [
        'ExternalClientAppSpec',
        keysOf({
          name: true,
          file: true,
          globalOauthSettings: true,
          oauthSettings: true,
          oauthPolicies: true,
          policies: true,
          flow: true,
        } satisfies Record<keyof ExternalClientAppSpec, true>),
        props('externalClientApp'),
      ],
      [
        'VendorAppSpec',
        keysOf({ name: true, source: true, scopes: true, policies: true } satisfies Record<keyof VendorAppSpec, true>),
        props('vendorApp'),
      ],
      [
        'VendorAppScope',
        keysOf({ scope: true, lets: true } satisfies Record<keyof VendorAppScope, true>),
        props('vendorAppScope'),
      ],
      [
        'TrustedRangesSpec',
        keysOf({
          owner: true,
          descriptionPrefix: true,
          source: true,
          file: true,
          published: true,
          fromValue: true,
        } satisfies Record<keyof TrustedRangesSpec, true>),
        props('trustedRanges'),
      ],
      [
        'OrgFeatureSpec',
        keysOf({
          id: true,
          title: true,
          optional: true,
          withoutIt: true,
          permissions: true,
          objects: true,
          settings: true,
          eventManager: true,
        } satisfies Record<keyof OrgFeatureSpec, true>),
        props('orgFeature'),
      ],
      [
        'RestrictLoginSpec',
        keysOf({ applies: true, why: true, profile: true, file: true } satisfies Record<keyof RestrictLoginSpec, true>),
        props('restrictLogin'),
      ],
      [
        'HandoffItem',
        keysOf({ item: true, from: true, where: true } satisfies Record<keyof HandoffItem, true>),
        props('handoffItem'),
      ],
      [
        'GuideStep',
        keysOf({
          id: true,
          section: true,
          guide: true,
          implementedBy: true,
          manual: true,
          command: true,
        } satisfies Record<keyof GuideStep, true>),
        props('guideStep'),
      ],
      [
        'ElementAssertion',
        keysOf({
          file: true,
          path: true,
          equals: true,
          equalsValue: true,
          absent: true,
        } satisfies Record<keyof ElementAssertion, true>),
        props('elementAssertion'),
      ],
      [
        'IntegrationUserDefinition',
        keysOf({
          LastName: true,
          Alias: true,
          TimeZoneSidKey: true,
          LocaleSidKey: true,
          EmailEncodingKey: true,
          LanguageLocaleKey: true,
          userLicense: true,
          profileName: true,
          profileByLicense: true,
          permissionSetLicenses: true,
          permsets: true,
        } satisfies Record<keyof IntegrationUserDefinition, true>),
        keysOf(USER_SCHEMA.properties ?? {}).filter((k) => k !== '$schema'),
      ],
    ];
    for (const [type, typeKeys, schemaKeys] of cases)
      expect({ type, keys: schemaKeys }).toEqual({ type, keys: typeKeys });
    const value = VENDOR_SCHEMA.definitions?.value?.properties ?? {};
    expect(value.type?.enum).toEqual(VALUE_TYPES);
    expect(value.role?.enum).toEqual(VALUE_ROLES);
    expect(Object.keys(ROLE_TYPES).sort()).toEqual(VALUE_ROLES.filter((r) => r !== 'none').sort());
  });
});

describe('editors and vendor-access read the same schema', () => {
  const files = [
    ...['ispm', 'reco'].flatMap((v) => [`force-app/${v}/vendor.json`, `force-app/${v}/users/integration-user.json`]),
    'test/fixtures/third-vendor/force-app/acme/vendor.json',
  ];

  it('each vendor.json and user definition names its schema by a $schema that resolves to it', () => {
    const named = files.map((file) => {
      const target = (JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as { $schema?: string }).$schema ?? '';
      return { file, schema: path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), target)) };
    });
    expect(named).toEqual(
      files.map((file) => ({
        file,
        schema: file.includes('/users/') ? 'schemas/integration-user.schema.json' : 'schemas/vendor.schema.json',
      }))
    );
  });

  it('a standard JSON Schema validator (ajv, draft-07) accepts the shipped files and rejects what check rejects', () => {
    const ajv = new Ajv({ allErrors: true });
    ajv.addKeyword('x-problems');
    const validVendor = ajv.compile(VENDOR_SCHEMA);
    const validUser = ajv.compile(USER_SCHEMA);
    for (const file of files) {
      const data = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as unknown;
      const valid = file.includes('/users/') ? validUser : validVendor;
      expect({ file, valid: valid(data), errors: valid.errors ?? null }).toEqual({ file, valid: true, errors: null });
    }
    const { doc, fields } = sample(VENDOR_SCHEMA);
    expect(validVendor(doc)).toBe(true);
    const accepted = fields.filter((f) => validVendor(setAt(doc, f.path, wrong(f).value)));
    expect(accepted.map((f) => f.path)).toEqual([]);
  });
});

describe('loading a broken vendor.json never throws', () => {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-schema-'));
    fs.mkdirSync(path.join(dir, 'force-app', 'acme'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'sfdx-project.json'),
      JSON.stringify({ packageDirectories: [{ path: 'force-app/acme' }] })
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('every field of the fixture vendor given a wrong type: one named problem with file and field', () => {
    const fixture = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'test/fixtures/third-vendor/force-app/acme/vendor.json'), 'utf8')
    ) as VendorEntry;
    const { fields } = sample(VENDOR_SCHEMA);
    const present = fields.filter((f) => hasPath(fixture, f.path));
    expect(present.map((f) => f.path)).toEqual(
      expect.arrayContaining(['name', 'trustedRanges.published', 'guideSteps[0].implementedBy'])
    );
    for (const f of present) {
      fs.writeFileSync(
        path.join(dir, 'force-app/acme/vendor.json'),
        JSON.stringify(setAt(fixture, f.path, wrong(f).value))
      );
      const { vendors, problems } = loadVendors(dir);
      // The shape problem comes first; a rule may add what follows from it (a value without its role
      // leaves a handoff item naming that role unknown).
      expect({
        field: f.path,
        vendors: vendors.length,
        first: problems[0],
        files: [...new Set(problems.map((p) => p.file))],
      }).toEqual({
        field: f.path,
        vendors: 0,
        first: expect.objectContaining({ code: wrong(f).code, file: 'force-app/acme/vendor.json', field: f.path }),
        files: ['force-app/acme/vendor.json'],
      });
    }
  });
});

const hasPath = (doc: unknown, at: string): boolean => {
  let value: unknown = doc;
  for (const step of at.split(/\.|(?=\[)/)) {
    if (value === null || typeof value !== 'object') return false;
    value = (value as Record<string, unknown>)[step.startsWith('[') ? step.slice(1, -1) : step];
  }
  return value !== undefined;
};

describe('a schema the checker cannot read', () => {
  it('is a named internal error, not a TypeError', () => {
    const c = new ShapeCheck('f.json');
    expect(() => checkAgainstSchema({ $ref: '#/definitions/nowhere' }, {}, c)).toThrow(
      expect.objectContaining({ name: 'CatalogueSchemaInvalidError' })
    );
    expect(() => checkAgainstSchema({ type: 'object', required: ['a'], properties: { a: {} } }, {}, c)).toThrow(
      'Internal error: the schema vendor-access ships is not one it can check with: a has no type to say what is missing.'
    );
  });
});
