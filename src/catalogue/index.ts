export type { LoadedCatalogue } from './loadVendors';
export { loadVendors, readPackageDirectories, selectVendors } from './loadVendors';
export type * from './vendorEntry';
export { VALUE_TYPES } from './vendorEntry';
