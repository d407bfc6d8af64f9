import { XMLParser } from 'fast-xml-parser';

/** Every element an array, every leaf a string: the simulator reads metadata the way the Metadata API accepts it. */
export type Node = { [element: string]: Array<Node | string> };

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (): boolean => true,
});

export const parseXml = (xml: string): { root: string; node: Node } => {
  const doc = parser.parse(xml) as Record<string, Array<Node | string>>;
  const root = Object.keys(doc).find((k) => k !== '?xml') ?? '';
  const value = doc[root]?.[0];
  return { root, node: typeof value === 'object' ? value : {} };
};

export const text = (value: Node | string | undefined): string | undefined =>
  typeof value === 'string' ? value : value && Object.keys(value).length === 0 ? '' : undefined;
export const leaf = (node: Node, key: string): string | undefined => text(node[key]?.[0]);
export const children = (node: Node, key: string): Node[] =>
  (node[key] ?? []).filter((v): v is Node => typeof v === 'object');
