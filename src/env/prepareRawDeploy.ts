import { loadMessages } from '../messages';
import { errorsIn, Problem, problemsFrom, problemList } from '../problems';
import { replacementTextFor, formatEnvExports, stageReplacements } from '../values';
import { loadInputs } from '../inputs';

const problem = problemsFrom('check');

const messages = loadMessages('values');

export type RawDeployInputs = { exports: string[]; stagedFiles: string[]; warnings: Problem[] };

/**
 * Everything `sf project deploy start` needs to deploy the same metadata as vendor-access: the
 * certificate staged where the `replaceWithFile` replacement reads it, and `export` lines for the
 * `replaceWithEnv` variables. Throws InvalidValuesError listing every problem.
 */
export const prepareRawDeploy = async (
  projectDir: string,
  valuesFile: string,
  vendorNames: string[]
): Promise<RawDeployInputs> => {
  const { vendors, values, problems } = await loadInputs({
    projectDir,
    vendors: vendorNames,
    valuesFile,
    valuesOnly: true,
    env: {},
  });
  // An exported variable is read twice: by SDR in a raw deploy (which needs the escaped text) and
  // by vendor-access as an override (which takes it as written). Only a value that reads the same
  // both ways may be exported.
  for (const vendor of vendors) {
    for (const spec of vendor.values.filter((v) => v.env)) {
      const raw = values?.vendors[vendor.name]?.values[spec.key];
      if (typeof raw === 'string' && replacementTextFor(raw) !== raw) {
        problems.push(
          problem.error(
            'ValueNotLiteralInRawDeploy',
            { file: values?.file ?? valuesFile, field: `vendors.${vendor.name}.${spec.key}` },
            [spec.env]
          )
        );
      }
    }
  }
  if (errorsIn(problems).length || !values) {
    throw messages
      .createError('error.InvalidValues', [errorsIn(problems).length, problemList(problems)])
      .setData({ problems });
  }
  const vendorValues = Object.values(values.vendors);
  // The environment half is printed for the caller's shell, not kept in this process.
  stageReplacements(projectDir, vendorValues, {});
  return {
    exports: formatEnvExports(vendorValues),
    stagedFiles: vendorValues.flatMap((v) => v.replacementFiles.map((f) => f.to)),
    warnings: [
      ...problems.filter((p) => p.severity === 'warning'),
      // A raw deploy never sends the hardened profile (.forceignore) and cannot move the user onto it.
      ...vendorValues
        .filter((v) => v.hardened)
        .map(
          (v): Problem =>
            problem.warning('HardeningNotInRawDeploy', {
              file: values.file,
              field: `vendors.${v.vendor}.hardening.restrictLoginToVendorRanges`,
            })
        ),
    ],
  };
};
