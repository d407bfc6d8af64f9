import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Parsed metadata XML in one uniform shape: every element is an array of nodes, every leaf a string,
 * so code never has to guess whether an element appeared once or many times.
 */
export type XmlNode = { [element: string]: XmlValue[] };
export type XmlValue = XmlNode | string;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  isArray: (_name, _jpath, _isLeaf, isAttribute): boolean => !isAttribute,
});

export type XmlParseResult =
  | { ok: true; root: string; namespace: string | undefined; node: XmlNode }
  | { ok: false; message: string; line: number; column: number };

/** Parses metadata XML, or says where it is malformed. */
export const parseMetadataXml = (text: string): XmlParseResult => {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, message: valid.err.msg, line: valid.err.line, column: valid.err.col };
  const doc = parser.parse(text) as Record<string, unknown>;
  const root = Object.keys(doc).find((key) => key !== '?xml');
  if (!root) return { ok: false, message: 'the file has no root element', line: 1, column: 1 };
  const rootValue = (doc[root] as XmlValue[])[0];
  const node: XmlNode = typeof rootValue === 'object' && rootValue ? rootValue : {};
  const namespace = (node['@xmlns'] as unknown as string | undefined) ?? undefined;
  const children: XmlNode = {};
  for (const [key, value] of Object.entries(node)) if (!key.startsWith('@')) children[key] = value;
  return { ok: true, root, namespace, node: children };
};

/** The text of a leaf node, or undefined for a node with children. */
export const textOf = (value: XmlValue | undefined): string | undefined => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && Object.keys(value).length === 0) return '';
  const text = value?.['#text']?.[0];
  return typeof text === 'string' ? text : undefined;
};

/** The 1-based line where `<element>` first appears, for messages that point into the file. */
export const lineOf = (text: string, element: string, from = 0): number | undefined => {
  const index = text.indexOf(`<${element}`, from);
  return index < 0 ? undefined : text.slice(0, index).split('\n').length;
};
