import { loadVendors, selectVendors, type Vendor } from '../catalogue';
import { checkVendorMetadata, type VendorMetadata } from '../metadata';
import { checkRange, findOverlapsBetween, type IpRange, type Keyed } from '../network';
import { type Problem, problemsFrom } from '../problems';
import { loadOrgValues, type OrgValues } from '../values';

const problem = problemsFrom('check');

export type InputOptions = {
  projectDir: string;
  /** Vendor names, or `all`. */
  vendors: string[];
  valuesFile: string;
  /** Skip the metadata checks (commands that only need values). */
  valuesOnly?: boolean;
  now?: Date;
  certWarnDays?: number;
  env?: Record<string, string | undefined>;
  /** `skip` for commands that deploy no certificate (see LoadOrgValuesOptions.certificates). */
  certificates?: 'check' | 'skip';
};

export type Inputs = { vendors: Vendor[]; metadata: VendorMetadata[]; values?: OrgValues; problems: Problem[] };

/**
 * Per-org ranges must not overlap any vendor's fixed ranges: the same addresses owned twice.
 * Sorted once and searched (findOverlapsBetween), so the check stays O((n + m) log m).
 */
const crossVendorRangeProblems = (values: OrgValues, metadata: VendorMetadata[]): Problem[] => {
  type Fixed = { owner: string; range: IpRange };
  const fixed: Array<Keyed<Fixed>> = metadata.flatMap((m) =>
    m.fixedRanges.flatMap((r) => {
      const c = checkRange(r.start, r.end);
      return c.ok
        ? [{ key: { owner: m.vendor.trustedRanges?.owner ?? m.vendor.title, range: r }, range: c.range }]
        : [];
    })
  );
  const problems: Problem[] = [];
  for (const [vendor, vendorValues] of Object.entries(values.vendors)) {
    const ours: Array<Keyed<IpRange>> = vendorValues.trustedRanges.flatMap((r) => {
      const c = checkRange(r.start, r.end);
      return c.ok ? [{ key: r, range: c.range }] : [];
    });
    for (const { ours: o, theirs } of findOverlapsBetween(ours, fixed)) {
      problems.push(
        problem.error('RangeOverlapsFixedRange', { file: values.file, field: `vendors.${vendor}.trustedRanges` }, [
          o.start,
          o.end,
          theirs.owner,
          theirs.range.description ?? '',
          theirs.range.start,
          theirs.range.end,
        ])
      );
    }
  }
  return problems;
};

/**
 * The offline half of every command: catalogue, vendor selection, values and metadata checks,
 * every problem collected, nothing written and no org contacted.
 */
export const loadInputs = async (options: InputOptions): Promise<Inputs> => {
  const { projectDir } = options;
  const catalogue = loadVendors(projectDir);
  const problems: Problem[] = [...catalogue.problems];
  const { selected, unknown } = selectVendors(catalogue.vendors, options.vendors);
  for (const name of unknown) {
    problems.push(
      problem.error(
        'UnknownVendor',
        { file: 'command line', field: '--vendor' },
        [name],
        [catalogue.vendors.map((v) => v.name).join(', ')]
      )
    );
  }
  const { values, problems: valueProblems } = await loadOrgValues(options.valuesFile, selected, {
    projectDir,
    catalogue: catalogue.vendors,
    ...(options.env ? { env: options.env } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.certWarnDays === undefined ? {} : { certWarnDays: options.certWarnDays }),
    ...(options.certificates ? { certificates: options.certificates } : {}),
  });
  problems.push(...valueProblems);
  const metadata: VendorMetadata[] = [];
  if (!options.valuesOnly) {
    for (const vendor of selected) {
      const checked = checkVendorMetadata(projectDir, vendor);
      problems.push(...checked.problems);
      metadata.push(checked.metadata);
    }
    if (values) problems.push(...crossVendorRangeProblems(values, metadata));
  }
  return { vendors: selected, metadata, ...(values ? { values } : {}), problems };
};
