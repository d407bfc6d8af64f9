import fs from 'node:fs';
import path from 'node:path';
import { checkVendors, CheckResult } from '../../src/check';
import { loadVendors } from '../../src/catalogue';
import type { ElementAssertion, GuideStep, Vendor } from '../../src/catalogue';
import { selectValues, selectText } from '../../src/metadata/elementPath';
import { parseMetadataXml, XmlNode } from '../../src/metadata/xml';
import { copyProject, PROJECT_ROOT, removeProject } from '../helpers/projectCopy';

/**
 * Traceability: every step of both vendor guides names the element that implements it (in
 * vendor.json), and this asserts that element in the metadata `check` emits, replacements applied.
 * Steps done by a person or by `deploy` are listed too, so no guide step goes unaccounted for.
 */
const { vendors } = loadVendors(PROJECT_ROOT);
const steps = vendors.flatMap((vendor) =>
  vendor.guideSteps.map((step) => [`${vendor.name}: ${step.id}`, vendor, step] as const)
);
const exampleValues = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'config/orgs/example.json'), 'utf8')) as {
  vendors: Record<string, Record<string, string>>;
};

let dir: string;
let result: CheckResult;

beforeAll(async () => {
  dir = copyProject();
  result = await checkVendors({ projectDir: dir, vendors: ['all'], valuesFile: 'config/orgs/example.json', env: {} });
});
afterAll(() => removeProject(dir));

/** The emitted (metadata-format) file for a source file, or the source itself when raw deploys never send it. */
const emittedXml = (vendor: Vendor, sourceFile: string): XmlNode => {
  const metadataPath = sourceFile.replace(/^main\/default\//, '').replace(/-meta\.xml$/, '');
  const emitted = path.join(dir, 'out', vendor.name, 'metadata', metadataPath);
  const file = fs.existsSync(emitted) ? emitted : path.join(dir, vendor.relDir, sourceFile);
  const parsed = parseMetadataXml(fs.readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.message}`);
  return parsed.node;
};

const expectedValue = (vendor: Vendor, assertion: ElementAssertion): string | undefined => {
  if (assertion.equals !== undefined) return assertion.equals;
  if (assertion.equalsValue === undefined) return undefined;
  const raw = exampleValues.vendors[vendor.name]?.[assertion.equalsValue] ?? '';
  const spec = vendor.values.find((v) => v.key === assertion.equalsValue);
  // SDR trims a replaceWithFile file's content (replacements.ts).
  return spec?.type === 'certificateFile' ? fs.readFileSync(path.join(PROJECT_ROOT, raw), 'utf8').trim() : raw;
};

describe('every vendor-guide step is implemented', () => {
  it('check on the example values succeeds', () => {
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it.each(steps)('%s', (_name, vendor, step: GuideStep) => {
    expect(step.implementedBy ?? step.manual ?? step.command).toBeDefined();
    for (const assertion of step.implementedBy ?? []) {
      const node = emittedXml(vendor, assertion.file);
      if (!assertion.path) continue;
      if (assertion.absent) {
        expect(selectValues(node, assertion.path)).toEqual([]);
        continue;
      }
      expect(selectText(node, assertion.path)).toBe(expectedValue(vendor, assertion));
    }
  });
});
