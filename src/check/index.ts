export type { CheckedVendor, CheckOptions, CheckResult } from './checkVendors';
export { checkVendors } from './checkVendors';
