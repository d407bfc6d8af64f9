import fs from 'node:fs';
import path from 'node:path';
import { loadVendors } from '../../src/catalogue';
import { renderGuideStepTable } from '../../src/catalogue/guideStepTable';
import { PROJECT_ROOT } from '../helpers/projectCopy';

const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('starts with the two fresh-machine commands, the second being what CI runs', () => {
    const firstBlock = /```bash\n([\s\S]*?)```/.exec(readme.split('\n').slice(0, 10).join('\n'))?.[1] ?? '';
    const commands = firstBlock
      .trim()
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, '').trim());
    expect(commands).toEqual(['npm ci && npx vendor-access check --values config/orgs/example.json', 'npm test']);
    expect(fs.readFileSync(path.join(PROJECT_ROOT, '.ci/run'), 'utf8')).toMatch(/\nnpm ci\nnpm test\n$/);
  });

  it('stays a page a newcomer reads in minutes: at most 200 lines, the rest in docs/', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(200);
  });

  it('leads a newcomer in order: set-up, then without an org, then commands, values, exit codes, environment', () => {
    const headings = readme.split('\n').filter((l) => l.startsWith('## '));
    const at = (h: string): number => headings.indexOf(h);
    const order = [
      '## Try it without an org',
      '## Commands',
      '## Values (`config/orgs/<org>.json`)',
      '## Exit codes',
      '## Environment variables',
    ];
    expect(order.map(at).every((i) => i >= 0)).toBe(true);
    expect([...order.map(at)].sort((a, b) => a - b)).toEqual(order.map(at));
  });

  it('links only to files that exist, as do the pages in docs/', () => {
    const pages = ['README.md', ...fs.readdirSync(path.join(PROJECT_ROOT, 'docs')).map((f) => `docs/${f}`)];
    const links = pages.flatMap((page) =>
      [...fs.readFileSync(path.join(PROJECT_ROOT, page), 'utf8').matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
        .map((m) => m[1] ?? '')
        .filter((l) => !/^https?:/.test(l))
        .map((l) => path.join(path.dirname(page), l))
    );
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((l) => !fs.existsSync(path.join(PROJECT_ROOT, l)))).toEqual([]);
  });
});

describe('docs/guide-steps.md', () => {
  it('maps every guide step exactly as vendor.json says (run scripts/update-guide-steps.js after editing vendor.json)', () => {
    const page = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'guide-steps.md'), 'utf8');
    const table = renderGuideStepTable(loadVendors(PROJECT_ROOT).vendors);
    const between = page.split('<!-- guide-steps:start -->\n')[1]?.split('<!-- guide-steps:end -->')[0];
    expect(between).toBe(table);
  });
});
