import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { reviewProject } from '../../src/review';
import { GIT_ENV } from '../helpers/git';
import { copyProject, PROJECT_ROOT, removeProject } from '../helpers/projectCopy';
import { mermaidBlocks, mermaidFlowchartErrors } from './mermaidGrammar';

/** Node id → label, link pairs and classed ids of one block, read with the grammar's own statements. */
const read = (block: string): { labels: Map<string, string>; links: string[]; classes: Map<string, string[]> } => ({
  labels: new Map(
    [...block.matchAll(/^ {2}(\w+)(?:\(\["|\[")([^"]*)"/gm)].map((m) => [m[1] ?? '', m[2] ?? ''] as [string, string])
  ),
  links: [...block.matchAll(/^ {2}(\w+) --> (\w+)$/gm)].map((m) => `${m[1] ?? ''} --> ${m[2] ?? ''}`),
  classes: new Map(
    [...block.matchAll(/^ {2}class ([\w,]+) (\w+)$/gm)].map(
      (m) => [m[2] ?? '', (m[1] ?? '').split(',')] as [string, string[]]
    )
  ),
});

describe('review: a Mermaid graph per permission set', () => {
  const { markdown, vendors } = reviewProject(PROJECT_ROOT, { vendors: ['all'] });
  const blocks = mermaidBlocks(markdown);

  it('draws one graph per permission set, each parsing under the flowchart grammar', () => {
    expect(blocks).toHaveLength(vendors.reduce((n, v) => n + v.permissionSets.length, 0));
    for (const block of blocks) expect(mermaidFlowchartErrors(block)).toEqual([]);
  });

  it('links each guide request to what it implies, and highlights tier 0 and tier 1', () => {
    const ispm = read(blocks[0] ?? '');
    expect(ispm.labels.get('p_ManageTwoFactor')).toBe('Manage MFA in API<br/>tier 2 · asked by the guide');
    expect(ispm.labels.get('p_ManageUsers')).toBe('Manage Users<br/>tier 0');
    expect(ispm.links).toEqual(
      expect.arrayContaining(['p_ManageTwoFactor --> p_ManageUsers', 'p_ManageUsers --> p_AssignPermissionSets'])
    );
    // Each permission is brought in by one link: the chain is drawn once, not per permission.
    expect(ispm.links.filter((l) => l.endsWith('--> p_ManageUsers'))).toHaveLength(1);
    expect(ispm.classes.get('tier0')?.sort()).toEqual([
      'p_AssignPermissionSets',
      'p_ManageInternalUsers',
      'p_ManageProfilesPermissionsets',
      'p_ManageUsers',
    ]);
    expect(ispm.classes.get('tier1')).toEqual(['p_ViewAllData']);
  });

  it('keeps the text table and tells the MFA chain once', () => {
    expect(markdown).toContain(
      '| Manage Users | `ManageUsers` | required by Manage MFA in API (asked by the guide) | **0** |'
    );
    expect(markdown).toContain(
      '| Reset User Passwords and Unlock Users | `ResetPasswords` | required by Manage Users, which Manage MFA in API brings in | 2 |'
    );
    expect(markdown.match(/Manage MFA in API → Manage Users →/g)).toBeNull();
  });

  it('the sample graphs in docs/drift-watch.md parse', () => {
    const docs = mermaidBlocks(fs.readFileSync(path.join(PROJECT_ROOT, 'docs/drift-watch.md'), 'utf8'));
    expect(docs).toHaveLength(2);
    for (const block of docs) expect(mermaidFlowchartErrors(block)).toEqual([]);
  });

  it('the grammar check catches what would not render: an undefined node, a node twice, a stray line', () => {
    expect(
      mermaidFlowchartErrors(
        [
          'flowchart LR',
          '  p_A["A"]',
          '  p_A["A again"]',
          '  p_A --> p_B',
          '  class p_A,p_C tier0',
          '  p_A -> p_A',
          '  p_D["say "hi""]',
        ].join('\n')
      )
    ).toEqual([
      'not in the grammar: p_A -> p_A',
      'not in the grammar: p_D["say "hi""]',
      'node p_A defined 2 times',
      'link p_A --> p_B: p_B is not defined',
      'class tier0 has no classDef',
      'class tier0: node p_C is not defined',
    ]);
  });
});

describe('review --base: a graph of what changed', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyProject();
    for (const args of [
      ['init', '-q', '-b', 'main'],
      ['add', '-A'],
      ['commit', '-qm', 'base'],
    ])
      execFileSync('git', args, { cwd: dir, env: GIT_ENV });
  });
  afterEach(() => removeProject(dir));

  it('shows the added permission, the chain that brings it in and what was removed, and parses', () => {
    const PS = 'force-app/ispm/main/default/permissionsets/ISPM_SFDC_integration_permission.permissionset-meta.xml';
    const file = path.join(dir, PS);
    const block = (n: string): string =>
      `    <userPermissions>\n        <enabled>true</enabled>\n        <name>${n}</name>\n    </userPermissions>\n`;
    // The head (working tree) drops View All Profiles, which the guide asks for.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(block('ViewAllProfiles'), ''));
    const review = reviewProject(dir, { vendors: ['ispm'], base: 'HEAD' });
    const changed = mermaidBlocks(review.markdown.split('<details>')[0] ?? '');
    expect(changed).toHaveLength(1);
    expect(mermaidFlowchartErrors(changed[0] ?? '')).toEqual([]);
    const graph = read(changed[0] ?? '');
    expect(graph.labels.get('p_ViewAllProfiles')).toBe('− View All Profiles<br/>tier 3 · asked by the guide');
    expect(graph.classes.get('removed')).toEqual(['p_ViewAllProfiles']);
    expect(review.markdown).toContain('Permission set `ISPM_SFDC_integration_permission`: what changed');
  });

  it('draws an added tier-0 permission with the chain that implies it', () => {
    const PS = 'force-app/ispm/main/default/permissionsets/ISPM_SFDC_integration_permission.permissionset-meta.xml';
    const file = path.join(dir, PS);
    const block = (n: string): string =>
      `    <userPermissions>\n        <enabled>true</enabled>\n        <name>${n}</name>\n    </userPermissions>\n`;
    // Base without Assign Permission Sets; the head (working tree) has it back, implied through Manage Users.
    const full = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, full.replace(block('AssignPermissionSets'), ''));
    execFileSync('git', ['commit', '-qam', 'without'], { cwd: dir, env: GIT_ENV });
    fs.writeFileSync(file, full);
    const review = reviewProject(dir, { vendors: ['ispm'], base: 'HEAD' });
    const [changed] = mermaidBlocks(review.markdown.split('<details>')[0] ?? '');
    expect(mermaidFlowchartErrors(changed ?? '')).toEqual([]);
    const graph = read(changed ?? '');
    expect(graph.labels.get('p_AssignPermissionSets')).toBe('+ Assign Permission Sets<br/>tier 0');
    expect(graph.links).toEqual(['p_ManageTwoFactor --> p_ManageUsers', 'p_ManageUsers --> p_AssignPermissionSets']);
    expect(graph.classes.get('tier0')?.sort()).toEqual(['p_AssignPermissionSets', 'p_ManageUsers']);
  });
});
