export type { CheckedVendor, CheckOptions, CheckResult } from './checkVendors';
export { checkVendors } from './checkVendors';
export { findProjectDir } from './findProjectDir';
