export type { CheckedVendor, CheckOptions, CheckResult } from './checkVendors';
export { checkVendors } from './checkVendors';
export { findProjectDir } from './findProjectDir';
export type { RawDeployInputs } from './prepareRawDeploy';
export { prepareRawDeploy } from './prepareRawDeploy';
