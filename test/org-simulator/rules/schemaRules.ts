import { XMLParser } from 'fast-xml-parser';
import { schemaEnum, schemaFields } from '../schema';
import { Node, parseXml } from '../xml';

const NS = '{http://soap.sforce.com/2006/04/metadata}';

/**
 * A metadata file checked against Salesforce's published schema (the data generated from
 *
 * @salesforce/types for API 64.0), the way the Metadata API's file parser checks it:
 * - an element the type lacks: "Error parsing file: Element {ns}x invalid at this location in type Y"
 * (real text, e.g. forcedotcom/cli#498);
 * - a single-valued element given twice: "Error parsing file: Element x is duplicated at this location
 * in type Y" (real text for a repeated element, seen in public deploy logs for PermissionSet and Flow);
 * - an enum value the enum lacks: "Error parsing file: 'X' is not a valid value for the enum 'Y'"
 * (real text, e.g. PermissionSetTabVisibility, FlowDataType in public deploy logs);
 * - a boolean other than true/false, a number that is not numeric: "Error parsing file: 'X' is not a
 * valid value for the type xsd:boolean" / "xsd:double". UNVERIFIED wording: borrowed from the
 * Bulk API's "is not a valid value for the type xsd:dateTime"; no public Metadata API text found.
 * Also unverified: whether the parser accepts XSD's 1/0 for booleans (the simulator refuses them).
 * - a single-valued field the typings do not mark optional, absent: "Required field is missing: x"
 * (real text, e.g. for PermissionSet label: amtrack/force-dev-tool#137, CumulusCI#695);
 * - child elements inside a text field: reported as an invalid element in type string (unverified);
 * text inside a complex element is reported the same way with the text (unverified wording).
 * Repeated elements must be contiguous (groupingProblems); the order of different elements (the XSD
 * sequence) is not checked.
 */
export const schemaProblems = (rootType: string, node: Node): string[] => {
  const problems: string[] = [];
  const walk = (typeName: string, current: Node): void => {
    const fields = schemaFields(typeName) ?? {};
    for (const [key, values] of Object.entries(current)) {
      const field = fields[key];
      if (!field) {
        problems.push(`Error parsing file: Element ${NS}${key} invalid at this location in type ${typeName}`);
        continue;
      }
      if (!field.array && values.length > 1)
        problems.push(`Error parsing file: Element ${key} is duplicated at this location in type ${typeName}`);
      for (const value of values) problems.push(...valueProblems(field.type, key, value, walk));
    }
    for (const [key, field] of Object.entries(fields))
      if (field.required && !(key in current)) problems.push(`Required field is missing: ${key}`);
  };
  walk(rootType, node);
  return problems;
};

const valueProblems = (
  type: string,
  key: string,
  value: Node | string,
  walk: (typeName: string, node: Node) => void
): string[] => {
  const complex = schemaFields(type) !== undefined;
  if (complex) {
    if (typeof value === 'object' || value === '') walk(type, typeof value === 'object' ? value : {});
    else return [`Error parsing file: Text '${value}' invalid at this location in type ${type}`];
    return [];
  }
  if (typeof value === 'object') {
    const child = Object.keys(value)[0];
    return child === undefined
      ? valueProblems(type, key, '', walk)
      : [`Error parsing file: Element ${NS}${child} invalid at this location in type ${type}`];
  }
  const values = schemaEnum(type);
  if (values && !values.includes(value))
    return [`Error parsing file: '${value}' is not a valid value for the enum '${type}'`];
  if (type === 'boolean' && value !== 'true' && value !== 'false')
    return [`Error parsing file: '${value}' is not a valid value for the type xsd:boolean`];
  if (type === 'number' && !/^-?\d+(\.\d+)?$/.test(value))
    return [`Error parsing file: '${value}' is not a valid value for the type xsd:double`];
  return [];
};

/** The schema type of a component's root element: Settings are `<Name>Settings`. */
export const rootTypeOf = (type: string, fullName: string): string =>
  type === 'Settings' ? `${fullName}Settings` : type;

type Ordered = Array<Record<string, Ordered | string>>;
const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: true, parseTagValue: false, trimValues: true });

/**
 * Repeated elements must stand together: `<a/><b/><a/>` answers "Error parsing file: Element a is
 * duplicated at this location in type Y" (real text: public deploy logs show it for fieldPermissions
 * placed after objectPermissions in a PermissionSet, and for Flow elements out of their group).
 */
export const groupingProblems = (rootType: string, xml: string): string[] => {
  const problems: string[] = [];
  const walk = (typeName: string, items: Ordered): void => {
    const fields = schemaFields(typeName);
    if (!fields) return;
    const seen = new Set<string>();
    let last: string | undefined;
    for (const item of items) {
      const name = Object.keys(item).find((k) => k !== ':@' && k !== '#text');
      if (name === undefined) continue;
      if (name !== last && seen.has(name))
        problems.push(`Error parsing file: Element ${name} is duplicated at this location in type ${typeName}`);
      seen.add(name);
      last = name;
      const child = item[name];
      const field = fields[name];
      if (field && Array.isArray(child)) walk(field.type, child);
    }
  };
  const doc = ordered.parse(xml) as Ordered;
  const root = doc.find((item) => Object.keys(item).some((k) => k !== '?xml' && k !== ':@'));
  const children = root ? Object.entries(root).find(([k]) => k !== '?xml' && k !== ':@')?.[1] : undefined;
  if (Array.isArray(children)) walk(rootType, children);
  return problems;
};

/** Every schema problem of a whole metadata file, its root element included. */
export const fileSchemaProblems = (type: string, fullName: string, xml: string): string[] => {
  const { root, node } = parseXml(xml);
  const rootType = rootTypeOf(type, fullName);
  if (root !== rootType)
    return [`Error parsing file: Element ${NS}${root} invalid at this location in type ${rootType}`];
  // Not Salesforce's answer: the simulator serves only the types whose schema data it has.
  if (!schemaFields(rootType))
    return [
      `The org simulator has no schema data for type ${rootType}: add it to ROOTS in scripts/generate-metadata-schema.js`,
    ];
  return [...new Set([...schemaProblems(rootType, node), ...groupingProblems(rootType, xml)])];
};
