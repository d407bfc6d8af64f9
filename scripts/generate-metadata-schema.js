#!/usr/bin/env node
'use strict';
// Regenerates config/salesforce/metadata-schema.json from @salesforce/types (Salesforce's own generated
// Metadata API typings, shipped with SDR). Only the types this project deploys, and the types they
// reach, are kept: field names, nested type names, arrays, string-literal enums, and `required` for
// a single-valued field the typings do not mark optional (the WSDL's minOccurs="1").
// Run after upgrading SDR: node scripts/generate-metadata-schema.js [output file]
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const ROOTS = [
  'PermissionSet',
  'SecuritySettings',
  'EventSettings',
  'RealTimeEventSettings',
  'ExternalClientAppSettings',
  'ExternalClientApplication',
  'ExtlClntAppGlobalOauthSettings',
  'ExtlClntAppOauthSettings',
  'ExtlClntAppOauthConfigurablePolicies',
  'ExtlClntAppConfigurablePolicies',
  'Profile',
];

const file = require.resolve('@salesforce/types/metadata').replace(/\.js$/, '.d.ts');
const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
const aliases = new Map();
source.forEachChild((node) => {
  if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type);
});

const PRIMITIVES = new Set(['string', 'boolean', 'number']);
const schema = {};
const enums = {};

const describeType = (typeNode) => {
  let array = false;
  let node = typeNode;
  if (ts.isArrayTypeNode(node)) {
    array = true;
    node = node.elementType;
  }
  const name = node.getText(source);
  return { type: name, array };
};

const visit = (name) => {
  if (schema[name] || enums[name] || PRIMITIVES.has(name)) return;
  const node = aliases.get(name);
  if (!node) return;
  if (ts.isUnionTypeNode(node) && node.types.every((t) => ts.isLiteralTypeNode(t))) {
    enums[name] = node.types.map((t) => t.literal.text);
    return;
  }
  const parts = ts.isIntersectionTypeNode(node) ? node.types : [node];
  const entry = { extends: [], fields: {} };
  schema[name] = entry;
  for (const part of parts) {
    if (ts.isTypeReferenceNode(part)) {
      const base = part.typeName.getText(source);
      entry.extends.push(base);
      visit(base);
    } else if (ts.isTypeLiteralNode(part)) {
      for (const member of part.members) {
        if (!ts.isPropertySignature(member) || !member.type) continue;
        const field = describeType(member.type);
        if (!member.questionToken && !field.array) field.required = true;
        entry.fields[member.name.getText(source)] = field;
        visit(field.type);
      }
    }
  }
};
ROOTS.forEach(visit);

// Flatten inheritance so a reader needs one lookup per type.
const flatten = (name, seen = new Set()) => {
  const entry = schema[name];
  if (!entry || seen.has(name)) return {};
  seen.add(name);
  return Object.assign({}, ...entry.extends.map((b) => flatten(b, seen)), entry.fields);
};
const types = {};
for (const name of Object.keys(schema).sort()) types[name] = flatten(name);

const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(file), '..', 'package.json'), 'utf8'));
const out = {
  generatedFrom: `@salesforce/types ${pkg.version}`,
  types,
  enums: Object.fromEntries(Object.entries(enums).sort()),
};
// An optional argument writes elsewhere (the test that proves the committed file is this output).
const target = process.argv[2]
  ? path.resolve(process.argv[2])
  : path.join(__dirname, '..', 'config', 'salesforce', 'metadata-schema.json');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, `${JSON.stringify(out, null, 1)}\n`);
process.stdout.write(
  `wrote ${Object.keys(types).length} types and ${Object.keys(enums).length} enums to ${path.relative(
    process.cwd(),
    target
  )}\n`
);
