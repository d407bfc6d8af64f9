import fs from 'node:fs';
import path from 'node:path';
import { loadVendors, selectVendors } from '../catalogue';
import type { Vendor } from '../catalogue';
import { buildPackage } from '../metadata/buildPackage';
import { checkVendorMetadata, VendorMetadata } from '../metadata/checkVendorMetadata';
import { checkRange, rangesOverlap } from '../network';
import { errorsIn, Problem } from '../output/problem';
import { buildVendorReview, renderReviewMarkdown } from '../review';
import { loadOrgValues, OrgValues, stageReplacements } from '../values';

export type CheckOptions = {
  projectDir: string;
  /** Vendor names, or `all`. */
  vendors: string[];
  valuesFile: string;
  /** Where packages and reviews go (default `<project>/out`). */
  outDir?: string;
  now?: Date;
  certWarnDays?: number;
  env?: Record<string, string | undefined>;
};

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

/** Per-org ranges must not overlap any vendor's fixed ranges: the same addresses owned twice. */
const crossVendorRangeProblems = (values: OrgValues, metadata: VendorMetadata[]): Problem[] => {
  const fixed = metadata.flatMap((m) => m.fixedRanges.map((r) => ({ owner: m.vendor.trustedRanges.owner, range: r })));
  const problems: Problem[] = [];
  for (const [vendor, vendorValues] of Object.entries(values.vendors)) {
    for (const ours of vendorValues.trustedRanges) {
      const a = checkRange(ours.start, ours.end);
      for (const theirs of fixed) {
        const b = checkRange(theirs.range.start, theirs.range.end);
        if (a.ok && b.ok && rangesOverlap(a.range, b.range)) {
          problems.push({
            severity: 'error',
            file: values.file,
            field: `vendors.${vendor}.trustedRanges`,
            message: `${ours.start}-${ours.end} overlaps ${theirs.owner}'s ${theirs.range.description ?? ''} (${theirs.range.start}-${theirs.range.end})`,
            fix: 'Remove the overlapping addresses; each trusted range has one owner.',
          });
        }
      }
    }
  }
  return problems;
};

/**
 * Every offline check for the chosen vendors and values, all problems at once. Only when there is
 * no error does it write `out/<vendor>/` (package.xml, zip, readable metadata, review.md); it never
 * writes into force-app/.
 */
export const checkVendors = async (options: CheckOptions): Promise<CheckResult> => {
  const { projectDir } = options;
  const catalogue = loadVendors(projectDir);
  const problems: Problem[] = [...catalogue.problems];
  const { selected, unknown } = selectVendors(catalogue.vendors, options.vendors);
  for (const name of unknown) {
    problems.push({ severity: 'error', file: 'command line', field: '--vendor', message: `"${name}" is not a vendor of this project`, fix: `Use one of: ${catalogue.vendors.map((v) => v.name).join(', ')}, or all.` });
  }
  const { values, problems: valueProblems } = await loadOrgValues(options.valuesFile, selected, {
    projectDir,
    ...(options.env ? { env: options.env } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.certWarnDays === undefined ? {} : { certWarnDays: options.certWarnDays }),
  });
  problems.push(...valueProblems);
  const metadata: VendorMetadata[] = [];
  for (const vendor of selected) {
    const checked = checkVendorMetadata(projectDir, vendor);
    problems.push(...checked.problems);
    metadata.push(checked.metadata);
  }
  if (values) problems.push(...crossVendorRangeProblems(values, metadata));
  const result: CheckResult = { ok: false, valuesFile: values?.file ?? options.valuesFile, problems, vendors: [] };
  if (errorsIn(problems).length || !values) return result;

  const outDir = options.outDir ?? path.join(projectDir, 'out');
  const restoreEnv = stageReplacements(projectDir, Object.values(values.vendors));
  try {
    for (const [i, vendor] of selected.entries()) {
      result.vendors.push(await writeVendorOutput(projectDir, outDir, vendor, metadata[i] as VendorMetadata, values));
    }
  } finally {
    restoreEnv();
  }
  result.ok = true;
  return result;
};

const writeVendorOutput = async (projectDir: string, outDir: string, vendor: Vendor, metadata: VendorMetadata, values: OrgValues): Promise<CheckedVendor> => {
  const built = await buildPackage(projectDir, vendor, outDir);
  const review = buildVendorReview(vendor, metadata, values.vendors[vendor.name]?.trustedRanges ?? []);
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
    needsOrg: metadata.needsOrg,
  };
};
