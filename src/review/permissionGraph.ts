import type { PermissionRow, PermissionSetReview } from './vendorReview';

/**
 * Mermaid flowcharts of what a permission set grants, for GitHub (it renders ```mermaid blocks in
 * PR comments and job summaries). Only the subset of the flowchart grammar that
 * test/review/mermaidGraph.test.ts checks is written: `flowchart LR`, node definitions
 * `id["label"]` (a guide-requested permission: `id(["label"])`), edges `a --> b`, `classDef`
 * and `class`. Node ids are `p_<API name>` (API names are letters, digits and underscores), so no id
 * is a Mermaid keyword such as `end`; labels are quoted with `"` written as `#quot;`.
 */

const CLASS_DEFS: Record<string, string> = {
  // Tier 0 (can take over the org) and tier 1 (reads or changes all data): the ones a reviewer must see.
  tier0: 'classDef tier0 fill:#f8d7da,stroke:#b02a37,stroke-width:3px,color:#58151c',
  tier1: 'classDef tier1 fill:#fff3cd,stroke:#997404,stroke-width:2px,color:#332701',
  removed: 'classDef removed fill:#eeeeee,stroke:#6c757d,stroke-dasharray:5 5,color:#495057',
};

const id = (apiName: string): string => `p_${apiName.replace(/\W/g, '_')}`;
const quote = (text: string): string => text.replace(/"/g, '#quot;');

type Node = { apiName: string; label: string; tier: number | undefined; asked: boolean; mark?: string };

const nodeLine = (n: Node): string => {
  const label = quote(
    `${n.mark ? `${n.mark} ` : ''}${n.label}<br/>tier ${n.tier ?? '?'}${n.asked ? ' · asked by the guide' : ''}`
  );
  return n.asked ? `  ${id(n.apiName)}(["${label}"])` : `  ${id(n.apiName)}["${label}"]`;
};

/** The edges of each implied permission's chain (guide permission → … → it), each edge once. */
const chainEdges = (rows: PermissionRow[]): Array<[string, string]> => {
  const edges = new Map<string, [string, string]>();
  for (const row of rows) {
    const chain = row.chain ?? [];
    for (let i = 1; i < chain.length; i++) {
      const pair: [string, string] = [chain[i - 1] as string, chain[i] as string];
      edges.set(pair.join('>'), pair);
    }
  }
  return [...edges.values()];
};

const render = (nodes: Node[], edges: Array<[string, string]>, removed: string[] = []): string[] => {
  const tier = (t: number): string[] => nodes.filter((n) => n.tier === t).map((n) => id(n.apiName));
  const classes: Array<[string, string[]]> = [
    ['tier0', tier(0)],
    ['tier1', tier(1)],
    ['removed', removed.map(id)],
  ];
  return [
    '```mermaid',
    'flowchart LR',
    ...nodes.map(nodeLine),
    ...edges.map(([a, b]) => `  ${id(a)} --> ${id(b)}`),
    ...classes.flatMap(([name, ids]) =>
      ids.length ? [`  ${CLASS_DEFS[name] ?? ''}`, `  class ${ids.join(',')} ${name}`] : []
    ),
    '```',
  ];
};

const nodeOf = (row: PermissionRow, mark?: string): Node => ({
  apiName: row.apiName,
  label: row.label,
  tier: row.tier,
  asked: row.askedByGuide,
  ...(mark ? { mark } : {}),
});

/** Every permission of the set: the guide's requests on the left, what each implies to their right. */
export const permissionSetGraph = (set: PermissionSetReview): string[] =>
  render(
    set.permissions.map((row) => nodeOf(row)),
    chainEdges(set.permissions)
  );

/**
 * What changed in one permission set: added permissions (with the chain that brings each in, its
 * unchanged links shown as context) and removed ones (dashed, with the chain that brought them).
 * Empty when nothing changed.
 */
export const permissionSetChangeGraph = (
  before: PermissionSetReview | undefined,
  after: PermissionSetReview | undefined
): string[] => {
  const had = new Map((before?.permissions ?? []).map((p) => [p.apiName, p]));
  const has = new Map((after?.permissions ?? []).map((p) => [p.apiName, p]));
  const added = [...has.values()].filter((p) => !had.has(p.apiName));
  const removed = [...had.values()].filter((p) => !has.has(p.apiName));
  if (!added.length && !removed.length) return [];
  const edges = [...chainEdges(added), ...chainEdges(removed)];
  const nodes = new Map<string, Node>();
  for (const p of added) nodes.set(p.apiName, nodeOf(p, '+'));
  for (const p of removed) nodes.set(p.apiName, nodeOf(p, '−'));
  // The links of a chain that did not change: context, as they are now (or were).
  for (const name of edges.flat()) {
    const row = has.get(name) ?? had.get(name);
    if (!nodes.has(name) && row) nodes.set(name, nodeOf(row));
  }
  return render(
    [...nodes.values()],
    edges,
    removed.map((p) => p.apiName)
  );
};
