export type { LoadedCatalogue } from './loadVendors';
export { loadVendors, readPackageDirectories, selectVendors } from './loadVendors';
export type * from './vendorEntry';
export { VALUE_TYPES } from './vendorEntry';
export { describe } from './shapeCheck';
export type { ValueRole, ValueSpec } from './vendorEntry';
export type { ElementAssertion, VendorAppSpec } from './vendorEntry';
export type { OauthFlow } from './vendorEntry';
export { flowOf } from './vendorEntry';
