export type { CheckedVendor, CheckOptions, CheckResult } from './checkVendors';
export { checkVendors } from './checkVendors';
export { formatCheckSuccess } from './formatCheckResult';
