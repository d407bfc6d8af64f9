import { Messages } from '@salesforce/core';
import { loadVendors, selectVendors } from '../catalogue';
import { errorsIn, formatProblem, Problem } from '../output/problem';
import { loadOrgValues } from './loadOrgValues';
import { formatEnvExports, stageReplacements } from './stageReplacements';

Messages.importMessagesDirectory(__dirname);
const messages = Messages.loadMessages('vendor-access', 'values');

export type RawDeployInputs = { exports: string[]; stagedFiles: string[]; warnings: Problem[] };

/**
 * Everything `sf project deploy start` needs to deploy the same metadata as vendor-access: the
 * certificate staged where the `replaceWithFile` replacement reads it, and `export` lines for the
 * `replaceWithEnv` variables. Throws InvalidValuesError listing every problem.
 */
export const prepareRawDeploy = async (projectDir: string, valuesFile: string, vendorNames: string[]): Promise<RawDeployInputs> => {
  const catalogue = loadVendors(projectDir);
  const { selected, unknown } = selectVendors(catalogue.vendors, vendorNames);
  const problems: Problem[] = [...catalogue.problems];
  for (const name of unknown) {
    problems.push({ severity: 'error', file: 'command line', field: '--vendor', message: `"${name}" is not a vendor of this project`, fix: `Use one of: ${catalogue.vendors.map((v) => v.name).join(', ')}, or all.` });
  }
  const { values, problems: valueProblems } = await loadOrgValues(valuesFile, selected, { projectDir, env: {} });
  problems.push(...valueProblems);
  if (errorsIn(problems).length || !values) {
    throw messages.createError('error.InvalidValues', [errorsIn(problems).length, problems.map(formatProblem).join('\n')]).setData({ problems });
  }
  const vendorValues = Object.values(values.vendors);
  // The environment half is printed for the caller's shell, not kept in this process.
  stageReplacements(projectDir, vendorValues, {});
  return {
    exports: formatEnvExports(vendorValues),
    stagedFiles: vendorValues.flatMap((v) => v.replacementFiles.map((f) => f.to)),
    warnings: problems.filter((p) => p.severity === 'warning'),
  };
};
