import fs from 'node:fs';
import path from 'node:path';

const SIMULATOR = path.join(__dirname, '..', 'org-simulator');

describe('the org simulator never imports the product', () => {
  // A belief written once in src/ and imported by the simulator would fool both: the simulator reads
  // Salesforce's data (config/salesforce/) and its own rules only. Its tests may drive the product.
  const sources = fs
    .readdirSync(SIMULATOR, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  it('reads the simulator sources it checks', () => {
    expect(sources).toEqual(expect.arrayContaining(['server.ts', 'schema.ts', path.join('rules', 'packageRules.ts')]));
  });

  it('no simulator source imports, requires or reads a file under src/', () => {
    const offenders = sources.filter((f) =>
      /['"`](?:\.\.\/)+src\/|path\.join\([^)]*'src'/.test(fs.readFileSync(path.join(SIMULATOR, f), 'utf8'))
    );
    expect(offenders).toEqual([]);
  });
});
