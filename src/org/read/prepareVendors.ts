import type { Vendor } from '../../catalogue';
import { loadInputs } from '../../inputs';
import type { VendorMetadata } from '../../metadata';
import { errorsIn, Problem, checkFailedError } from '../../problems';
import type { OrgValues } from '../../values';

export type PreparedVendors = { vendors: Vendor[]; metadata: VendorMetadata[]; values: OrgValues; warnings: Problem[] };

/**
 * The offline checks every org command runs first. Any error stops the run before an org is
 * contacted (CheckFailedError lists them all).
 */
export const prepareVendors = async (
  projectDir: string,
  vendorNames: string[],
  valuesFile: string
): Promise<PreparedVendors> => {
  const { vendors, metadata, values, problems } = await loadInputs({ projectDir, vendors: vendorNames, valuesFile });
  const errors = errorsIn(problems);
  if (errors.length || !values) {
    throw checkFailedError(problems);
  }
  return { vendors, metadata, values, warnings: problems.filter((p) => p.severity === 'warning') };
};
