import { loadInputs } from '../inputs';
import { errorsIn, type Problem, checkFailedError } from '../problems';
import { footprintOf, VendorFootprint } from './footprint';

/** The offline checks of the lifecycle commands: every problem is reported before any org is contacted. */
export const prepareLifecycle = async (
  projectDir: string,
  vendorNames: string[],
  valuesFile: string
): Promise<{ footprints: VendorFootprint[]; valuesFile: string; warnings: Problem[] }> => {
  // The lifecycle deploys no certificate: suspending a vendor whose certificate expired must work.
  const { vendors, metadata, values, problems } = await loadInputs({
    projectDir,
    vendors: vendorNames,
    valuesFile,
    certificates: 'skip',
  });
  const blocking = errorsIn(problems);
  if (blocking.length || !values) {
    throw checkFailedError(blocking);
  }
  return {
    footprints: vendors.map((v, i) => footprintOf(v, metadata[i], values)),
    valuesFile: values.file,
    warnings: problems.filter((p) => p.severity === 'warning'),
  };
};
