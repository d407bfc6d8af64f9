import fs from 'node:fs';
import path from 'node:path';
import { SfError } from '@salesforce/core/sfError';
import type { Vendor } from '../catalogue';
import { checkOutputPath, prepareOutputFolder, shownPath } from '../files';
import { buildPackage } from '../convert';
import type { VendorMetadata } from '../metadata';
import { errorsIn, Problem, problemFromError } from '../problems';
import { buildVendorReview, renderReviewMarkdown } from '../review';
import { valuesInputs, type OrgValues } from '../values';
import { InputOptions, loadInputs } from '../inputs';

export type CheckOptions = InputOptions & {
  /** Where packages and reviews go (default `<project>/out`): `--output-dir`, read from the working folder. */
  outDir?: string;
};

/** What check writes in `<out>/<vendor>/`, which it empties first: nothing else may be there. */
const PACKAGE_FOLDER_NAMES = (vendor: string): string[] => ['package.xml', 'metadata', `${vendor}.zip`, 'review.md'];

export type CheckedVendor = {
  name: string;
  title: string;
  components: string[];
  zipPath: string;
  packageXmlPath: string;
  metadataDir: string;
  reviewPath: string;
  /** Facts the offline check cannot settle; deploy's preflight reads them from the org. */
  needsOrg: string[];
};

export type CheckResult = { ok: boolean; valuesFile: string; problems: Problem[]; vendors: CheckedVendor[] };

/**
 * Every offline check for the chosen vendors and values, all problems at once. Only when there is
 * no error does it write `out/<vendor>/` (package.xml, zip, readable metadata, review.md); it never
 * writes into force-app/.
 */
export const checkVendors = async (options: CheckOptions): Promise<CheckResult> => {
  const { projectDir } = options;
  const { vendors: selected, metadata, values, problems } = await loadInputs(options);
  const result: CheckResult = { ok: false, valuesFile: values?.file ?? options.valuesFile, problems, vendors: [] };
  if (errorsIn(problems).length || !values) return result;

  const outDir = path.resolve(options.outDir ?? path.join(projectDir, 'out'));
  const given = options.outDir ?? 'out';
  const label = options.outDir === undefined ? 'the packages' : 'the --output-dir packages';
  // Every output is checked (and its folder made) before a package folder is emptied: a path into
  // the source, onto an input or through a link to either is refused with nothing deleted.
  try {
    const context = { projectDir, reads: valuesInputs(values) };
    const replacements = path.join(projectDir, 'out', 'replacements');
    const folder = { label, given, absolute: outDir, kind: 'folder', existing: { holds: 'anything' } } as const;
    checkOutputPath(folder, context);
    for (const vendor of selected)
      checkOutputPath(
        {
          label,
          given: path.join(given, vendor.name),
          absolute: path.join(outDir, vendor.name),
          kind: 'folder',
          existing: { holds: 'only', names: PACKAGE_FOLDER_NAMES(vendor.name) },
        },
        context
      );
    prepareOutputFolder(folder, context);
    prepareOutputFolder(
      {
        label: 'the certificates staged for replacements',
        given: 'out/replacements',
        absolute: replacements,
        kind: 'folder',
        existing: { holds: 'anything' },
      },
      context
    );
  } catch (err) {
    const e = SfError.wrap(err instanceof Error ? err : String(err));
    result.problems.push(problemFromError(e, { file: shownPath(given), field: '' }, ''));
    return result;
  }
  for (const [i, vendor] of selected.entries()) {
    // eslint-disable-next-line no-await-in-loop -- one vendor after another; all share one conversion
    const written = await writeVendorOutput(
      projectDir,
      outDir,
      vendor,
      metadata[i] as VendorMetadata,
      values,
      selected
    );
    result.vendors.push(written);
  }
  result.ok = true;
  return result;
};

const writeVendorOutput = async (
  projectDir: string,
  outDir: string,
  vendor: Vendor,
  metadata: VendorMetadata,
  values: OrgValues,
  together: Vendor[]
): Promise<CheckedVendor> => {
  const built = await buildPackage(projectDir, vendor, outDir, Object.values(values.vendors), together);
  const review = buildVendorReview(
    vendor,
    metadata,
    values.vendors[vendor.name]?.trustedRanges ?? [],
    values.vendors[vendor.name]?.hardened === true
  );
  const reviewPath = path.join(outDir, vendor.name, 'review.md');
  fs.writeFileSync(reviewPath, renderReviewMarkdown(review, { values: values.file }));
  return {
    name: vendor.name,
    title: vendor.title,
    components: built.components,
    zipPath: built.zipPath,
    packageXmlPath: built.packageXmlPath,
    metadataDir: built.metadataDir,
    reviewPath: path.relative(projectDir, reviewPath).split(path.sep).join('/'),
    needsOrg: [
      ...metadata.needsOrg,
      ...(values.vendors[vendor.name]?.hardened && vendor.hardening?.restrictLoginToVendorRanges.file
        ? [
            `hardened mode: ${vendor.relDir}/${vendor.hardening.restrictLoginToVendorRanges.file} is sent by vendor-access deploy only (like the trusted ranges, it is kept out of raw deploys and of this package); deploy puts the integration user on it.`,
          ]
        : []),
    ],
  };
};
