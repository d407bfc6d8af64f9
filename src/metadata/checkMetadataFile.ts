import path from 'node:path';
import type { Problem } from '../inputs/problem';
import { enumValues, fieldsOf, REQUIRED_FIELDS } from './metadataSchema';
import { lineOf, parseMetadataXml, textOf, XmlNode } from './xml';

export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

type RegistryType = { name: string; children?: { types: Record<string, RegistryType> } };
type Registry = {
  suffixes: Record<string, string>;
  childTypes: Record<string, string>;
  types: Record<string, RegistryType>;
};

// SDR's registry read as data (one JSON file, the one RegistryAccess itself reads), not through
// RegistryAccess: that class loads SDR's code and core's Messages and logger, half a second that
// `review` and `env` would pay for one lookup. This project's sfdx-project.json sets no
// registryPresets or registryCustomizations, so the effective registry is this file.
const REGISTRY = require('@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json') as Registry;

/** The component a source file holds (`PermissionSet` and its name), from SDR's registry. */
export const memberOf = (file: string): { type: string; fullName: string } | undefined => {
  const match = /^(.+)\.([^.]+)-meta\.xml$/.exec(path.basename(file));
  const typeId = match ? REGISTRY.suffixes[match[2] ?? ''] : undefined;
  const type = typeId === undefined || REGISTRY.childTypes[typeId] !== undefined ? undefined : REGISTRY.types[typeId];
  return type && match ? { type: type.name, fullName: match[1] ?? '' } : undefined;
};

/** The root element a source file must have: from SDR's registry, or `<Name>Settings` for settings. */
export const expectedRoot = (file: string): { root: string; fullName: string } | undefined => {
  const match = /^(.+)\.([^.]+)-meta\.xml$/.exec(path.basename(file));
  if (!match) return undefined;
  const [, fullName = '', suffix = ''] = match;
  const typeId = REGISTRY.suffixes[suffix];
  const parentId = typeId === undefined ? undefined : REGISTRY.childTypes[typeId];
  const type =
    typeId === undefined
      ? undefined
      : parentId === undefined
      ? REGISTRY.types[typeId]
      : REGISTRY.types[parentId]?.children?.types[typeId];
  if (!type) return undefined;
  return { root: type.name === 'Settings' ? `${fullName}Settings` : type.name, fullName };
};

export type CheckedFile = { rel: string; root: string; node: XmlNode; text: string };

/**
 * Checks one source-format metadata file on its own: well-formed, the right root element and
 * namespace for its file name, and every element a field of its type with a value of the right kind.
 */
export const checkMetadataFile = (rel: string, text: string): { file?: CheckedFile; problems: Problem[] } => {
  const problems: Problem[] = [];
  const add = (field: string, message: string, fix: string): void => {
    problems.push({ severity: 'error', file: rel, field, message, fix });
  };
  const parsed = parseMetadataXml(text);
  if (!parsed.ok) {
    add(
      `line ${parsed.line}:${parsed.column}`,
      `is not well-formed XML: ${parsed.message}`,
      'Fix the XML at that position (an unclosed or misspelt tag is the usual cause).'
    );
    return { problems };
  }
  const expected = expectedRoot(rel);
  if (!expected) {
    add(
      '',
      'is not a metadata file name SDR recognises (<Name>.<suffix>-meta.xml)',
      'Rename it after its type, e.g. Foo.permissionset-meta.xml.'
    );
    return { problems };
  }
  if (parsed.root !== expected.root) {
    add(
      `<${parsed.root}>`,
      `has root element <${parsed.root}>, but a file named like this must hold <${expected.root}>`,
      `Change the root element to <${expected.root}>, or rename the file.`
    );
    return { problems };
  }
  if (parsed.namespace !== METADATA_NAMESPACE) {
    add(
      `<${parsed.root}> xmlns`,
      `has namespace ${parsed.namespace ?? '(none)'}`,
      `Set xmlns="${METADATA_NAMESPACE}" on the root element.`
    );
  }
  if (!fieldsOf(expected.root)) {
    add(
      `<${parsed.root}>`,
      `is of type ${expected.root}, which this project does not deploy`,
      'Remove the file, or add the type to scripts/generate-metadata-schema.js.'
    );
    return { problems };
  }
  const checkNode = (node: XmlNode, typeName: string, at: string): void => {
    const fields = fieldsOf(typeName) ?? {};
    for (const [key, values] of Object.entries(node)) {
      if (key.startsWith('#')) continue;
      const where = `${at}/${key}`;
      const line = lineOf(text, key);
      const field = fields[key];
      if (!field) {
        add(
          line ? `${where} (line ${line})` : where,
          `<${key}> is not a field of ${typeName}`,
          `Remove it, or use one of: ${Object.keys(fields)
            .filter((f) => f !== 'fullName')
            .join(', ')}.`
        );
        continue;
      }
      if (!field.array && values.length > 1)
        add(where, `<${key}> appears ${values.length} times but holds one value`, 'Keep one.');
      for (const value of values) {
        if (fieldsOf(field.type)) {
          if (typeof value === 'object') checkNode(value, field.type, where);
          else
            add(
              where,
              `<${key}> must contain elements of ${field.type}, found text "${value}"`,
              `See the ${field.type} fields.`
            );
          continue;
        }
        const textValue = textOf(value);
        if (textValue === undefined) {
          add(where, `<${key}> must hold a ${field.type} value, found nested elements`, 'Write a single value.');
          continue;
        }
        const allowed = enumValues(field.type);
        if (allowed && !allowed.includes(textValue))
          add(where, `"${textValue}" is not a ${field.type} value`, `Use one of: ${allowed.join(', ')}.`);
        if (field.type === 'boolean' && textValue !== 'true' && textValue !== 'false')
          add(where, `"${textValue}" is not a boolean`, 'Write true or false.');
        if (field.type === 'number' && !/^-?\d+(\.\d+)?$/.test(textValue))
          add(where, `"${textValue}" is not a number`, 'Write a number.');
      }
    }
    for (const required of REQUIRED_FIELDS[typeName] ?? []) {
      if (!node[required]) add(`${at}/${required}`, `${typeName} requires <${required}>`, `Add <${required}>.`);
    }
  };
  checkNode(parsed.node, expected.root, parsed.root);
  return { file: { rel, root: parsed.root, node: parsed.node, text }, problems };
};
