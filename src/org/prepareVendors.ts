import { Messages } from '@salesforce/core';
import { loadVendors, selectVendors, Vendor } from '../catalogue';
import { checkVendorMetadata, VendorMetadata } from '../metadata/checkVendorMetadata';
import { errorsIn, formatProblem, Problem } from '../output/problem';
import { loadOrgValues, OrgValues } from '../values';

Messages.importMessagesDirectory(__dirname);
const messages = Messages.loadMessages('vendor-access', 'check');

export type PreparedVendors = { vendors: Vendor[]; metadata: VendorMetadata[]; values: OrgValues; warnings: Problem[] };

/**
 * The offline half of every org command: catalogue, values and metadata checks. Any error stops
 * the run before an org is contacted (CheckFailedError lists them all).
 */
export const prepareVendors = async (projectDir: string, vendorNames: string[], valuesFile: string): Promise<PreparedVendors> => {
  const catalogue = loadVendors(projectDir);
  const problems: Problem[] = [...catalogue.problems];
  const { selected, unknown } = selectVendors(catalogue.vendors, vendorNames);
  for (const name of unknown) {
    problems.push({ severity: 'error', file: 'command line', field: '--vendor', message: `"${name}" is not a vendor of this project`, fix: `Use one of: ${catalogue.vendors.map((v) => v.name).join(', ')}, or all.` });
  }
  const { values, problems: valueProblems } = await loadOrgValues(valuesFile, selected, { projectDir });
  problems.push(...valueProblems);
  const metadata = selected.map((vendor) => {
    const checked = checkVendorMetadata(projectDir, vendor);
    problems.push(...checked.problems);
    return checked.metadata;
  });
  const errors = errorsIn(problems);
  if (errors.length || !values) {
    throw messages.createError('error.CheckFailed', [errors.length, problems.map(formatProblem).join('\n')]).setData({ problems });
  }
  return { vendors: selected, metadata, values, warnings: problems.filter((p) => p.severity === 'warning') };
};
