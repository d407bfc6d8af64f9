import fs from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '..', '..', 'src');

type Edge = { from: string; to: string; typeOnly: boolean };

/** Every relative import and re-export of every src/ file, resolved to a file (folders to their index). */
const edges = (): Edge[] => {
  const files = fs
    .readdirSync(SRC, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'));
  return files.flatMap((file) => {
    const text = fs.readFileSync(path.join(SRC, file), 'utf8');
    return [...text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gms)].flatMap((m) => {
      let target = path.normalize(path.join(path.dirname(file), m[2] as string));
      if (target.endsWith('.json')) return [];
      if (fs.existsSync(path.join(SRC, target)) && fs.statSync(path.join(SRC, target)).isDirectory())
        target = path.join(target, 'index');
      return [{ from: file, to: `${target}.ts`, typeOnly: Boolean(m[1]) }];
    });
  });
};

/** The first cycle found in a directed graph, as the list of nodes around it. */
const findCycle = (graph: Map<string, Set<string>>): string[] | undefined => {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys())
    if (!state.has(node)) {
      const found = visit(node);
      if (found) return found;
    }
  return undefined;
};

const graphOf = (list: Array<[string, string]>): Map<string, Set<string>> => {
  const graph = new Map<string, Set<string>>();
  for (const [a, b] of list) if (a !== b) graph.set(a, (graph.get(a) ?? new Set()).add(b));
  return graph;
};

const folderOf = (file: string): string => (file.includes(path.sep) ? (file.split(path.sep)[0] as string) : file);

describe('src/ has no import knots', () => {
  const all = edges();

  it('reads the imports it checks (a parser that found nothing would pass anything)', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(
      all.some(
        (e) =>
          e.from === path.join('org', 'apply', 'deployToOrg.ts') && e.to === path.join('org', 'plan', 'analyseOrg.ts')
      )
    ).toBe(true);
  });

  it('no folder imports a folder that imports it back, type imports included (layers, not knots)', () => {
    expect(findCycle(graphOf(all.map((e) => [folderOf(e.from), folderOf(e.to)])))).toBeUndefined();
  });

  it('no file reaches itself through runtime imports', () => {
    expect(findCycle(graphOf(all.filter((e) => !e.typeOnly).map((e) => [e.from, e.to])))).toBeUndefined();
  });

  it('the cycle finder finds a cycle when there is one', () => {
    expect(
      findCycle(
        graphOf([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
        ])
      )
    ).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('src/org is split by stage, and the stages are layers', () => {
  const stageOf = (file: string): string | undefined => {
    const parts = file.split(path.sep);
    return parts[0] === 'org' && parts.length > 2 ? parts[1] : undefined;
  };
  const stageEdges = edges().flatMap((e): Array<[string, string]> => {
    const [a, b] = [stageOf(e.from), stageOf(e.to)];
    return a && b && a !== b ? [[a, b]] : [];
  });

  it('has its stages: read the org, plan, apply, verify', () => {
    expect(
      fs
        .readdirSync(path.join(SRC, 'org'))
        .filter((f) => fs.statSync(path.join(SRC, 'org', f)).isDirectory())
        .sort()
    ).toEqual(expect.arrayContaining(['apply', 'plan', 'read', 'verify']));
  });

  it('no stage imports a stage that imports it back (type imports included)', () => {
    expect(stageEdges.length).toBeGreaterThan(0);
    expect(findCycle(graphOf(stageEdges))).toBeUndefined();
  });

  it('reading the org depends on no later stage', () => {
    expect(stageEdges.filter(([a]) => a === 'read')).toEqual([]);
  });
});
