/**
 * A grammar check for the Mermaid flowcharts review writes, after Mermaid's flowchart syntax
 * (mermaid.js.org/syntax/flowchart.html): a `flowchart LR|TD` header, then one statement a line —
 * a node `id["label"]` or stadium `id(["label"])`, a link `a --> b`, `classDef name style:value,…`
 * or `class id,id name`. The subset is closed: any other line is an error, so the check cannot pass
 * text it does not understand. Beyond the grammar it holds what renders right on GitHub: every
 * node defined once, every link and class between defined nodes and classes, no reserved word
 * (`end`) as an id, no raw `"` inside a label.
 */
export const mermaidFlowchartErrors = (block: string): string[] => {
  const errors: string[] = [];
  const lines = block.split('\n');
  if (!/^flowchart (LR|TD|TB|RL|BT)$/.test(lines[0] ?? '')) errors.push(`header: ${lines[0] ?? ''}`);
  const nodes = new Map<string, number>();
  const links: Array<[string, string]> = [];
  const classDefs = new Set<string>();
  const classUses: Array<{ ids: string[]; name: string }> = [];
  for (const line of lines.slice(1)) {
    const text = line.trim();
    let m: RegExpExecArray | null;
    if ((m = /^([A-Za-z_][\w]*)(\(\["([^"]*)"\]\)|\["([^"]*)"\])$/.exec(text))) {
      nodes.set(m[1] as string, (nodes.get(m[1] as string) ?? 0) + 1);
    } else if ((m = /^([A-Za-z_]\w*) --> ([A-Za-z_]\w*)$/.exec(text))) {
      links.push([m[1] as string, m[2] as string]);
    } else if ((m = /^classDef (\w+) ([\w-]+:[^,\s]+(?:\s[^,\s]+)*(?:,[\w-]+:[^,]+)*)$/.exec(text))) {
      classDefs.add(m[1] as string);
    } else if ((m = /^class ([\w,]+) (\w+)$/.exec(text))) {
      classUses.push({ ids: (m[1] as string).split(','), name: m[2] as string });
    } else errors.push(`not in the grammar: ${text}`);
  }
  for (const [id, times] of nodes) {
    if (times > 1) errors.push(`node ${id} defined ${times} times`);
    if (/^end$/i.test(id)) errors.push(`node id ${id} is a reserved word`);
  }
  for (const [a, b] of links)
    for (const end of [a, b]) if (!nodes.has(end)) errors.push(`link ${a} --> ${b}: ${end} is not defined`);
  for (const use of classUses) {
    if (!classDefs.has(use.name)) errors.push(`class ${use.name} has no classDef`);
    for (const id of use.ids) if (!nodes.has(id)) errors.push(`class ${use.name}: node ${id} is not defined`);
  }
  return errors;
};

/** Every ```mermaid block of a Markdown text, without its fences. */
export const mermaidBlocks = (markdown: string): string[] =>
  [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1] ?? '');
