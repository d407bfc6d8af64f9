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

  it('maps every guide step exactly as vendor.json says (run scripts/update-readme-steps.js after editing vendor.json)', () => {
    const table = renderGuideStepTable(loadVendors(PROJECT_ROOT).vendors);
    const between = readme.split('<!-- guide-steps:start -->\n')[1]?.split('<!-- guide-steps:end -->')[0];
    expect(between).toBe(table);
  });
});
