import path from 'node:path';
import metadataRegistry from '@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json';
import { type Problem, problemsFrom } from '../problems';
import { enumValues, fieldsOf, REQUIRED_FIELDS, type FieldSpec } from './metadataSchema';
import { lineOf, parseMetadataXml, textOf, XmlNode, XmlValue } from './xml';

const problem = problemsFrom('metadata');

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
const REGISTRY: Registry = metadataRegistry;

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

/** One value of a known element: nested elements for a complex type, else text of the right kind. */
const valueProblems = (
  rel: string,
  where: string,
  key: string,
  field: FieldSpec,
  value: XmlValue,
  checkNode: (node: XmlNode, typeName: string, at: string) => void
): Problem[] => {
  const at = { file: rel, field: where };
  if (fieldsOf(field.type)) {
    if (typeof value === 'object') {
      checkNode(value, field.type, where);
      return [];
    }
    return [problem.error('MetadataElementNotNested', at, [key, field.type, value], [field.type])];
  }
  const textValue = textOf(value);
  if (textValue === undefined) return [problem.error('MetadataElementNotText', at, [key, field.type])];
  const problems: Problem[] = [];
  const allowed = enumValues(field.type);
  if (allowed && !allowed.includes(textValue))
    problems.push(problem.error('MetadataEnumValueUnknown', at, [textValue, field.type], [allowed.join(', ')]));
  if (field.type === 'boolean' && textValue !== 'true' && textValue !== 'false')
    problems.push(problem.error('MetadataBooleanInvalid', at, [textValue]));
  if (field.type === 'number' && !/^-?\d+(\.\d+)?$/.test(textValue))
    problems.push(problem.error('MetadataNumberInvalid', at, [textValue]));
  return problems;
};

/**
 * Checks one source-format metadata file on its own: well-formed, the right root element and
 * namespace for its file name, and every element a field of its type with a value of the right kind.
 */
export const checkMetadataFile = (rel: string, text: string): { file?: CheckedFile; problems: Problem[] } => {
  const problems: Problem[] = [];
  const here = (field: string): { file: string; field: string } => ({ file: rel, field });
  const parsed = parseMetadataXml(text);
  if (!parsed.ok) {
    problems.push(
      problem.error('MetadataXmlMalformed', here(`line ${parsed.line}:${parsed.column}`), [parsed.message])
    );
    return { problems };
  }
  const expected = expectedRoot(rel);
  if (!expected) {
    problems.push(problem.error('MetadataFileNameUnknown', here('')));
    return { problems };
  }
  if (parsed.root !== expected.root) {
    problems.push(
      problem.error('MetadataRootMismatch', here(`<${parsed.root}>`), [parsed.root, expected.root], [expected.root])
    );
    return { problems };
  }
  if (parsed.namespace !== METADATA_NAMESPACE) {
    problems.push(
      parsed.namespace === undefined
        ? problem.error('MetadataNamespaceMissing', here(`<${parsed.root}> xmlns`), [], [METADATA_NAMESPACE])
        : problem.error(
            'MetadataNamespaceWrong',
            here(`<${parsed.root}> xmlns`),
            [parsed.namespace],
            [METADATA_NAMESPACE]
          )
    );
  }
  if (!fieldsOf(expected.root)) {
    problems.push(problem.error('MetadataTypeNotDeployed', here(`<${parsed.root}>`), [expected.root]));
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
        problems.push(
          problem.error(
            'MetadataElementUnknown',
            here(line ? `${where} (line ${line})` : where),
            [key, typeName],
            [
              Object.keys(fields)
                .filter((f) => f !== 'fullName')
                .join(', '),
            ]
          )
        );
        continue;
      }
      if (!field.array && values.length > 1)
        problems.push(problem.error('MetadataElementRepeated', here(where), [key, values.length]));
      for (const value of values) problems.push(...valueProblems(rel, where, key, field, value, checkNode));
    }
    for (const required of REQUIRED_FIELDS[typeName] ?? []) {
      if (!node[required])
        problems.push(
          problem.error('MetadataRequiredElementMissing', here(`${at}/${required}`), [typeName, required], [required])
        );
    }
  };
  checkNode(parsed.node, expected.root, parsed.root);
  return { file: { rel, root: parsed.root, node: parsed.node, text }, problems };
};
