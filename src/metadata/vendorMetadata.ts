import type { Vendor } from '../catalogue';
import type { IpRange } from '../network';
import type { CheckedFile } from './checkMetadataFile';

/** What one permission set grants, as the offline check read it from the vendor's file. */
export type PermissionSetGrants = {
  label: string;
  license?: string;
  permissions: string[];
  objects: Array<{ object: string; access: string[] }>;
};

/** What the offline check learned about one vendor, for the package, the review and later commands. */
export type VendorMetadata = {
  vendor: Vendor;
  /** Parsed metadata files by vendor-relative path. */
  files: Map<string, CheckedFile>;
  /** Granted user permissions per permission set. */
  permissionSets: Map<string, PermissionSetGrants>;
  /** The vendor's fixed trusted ranges (from its SecuritySettings file). */
  fixedRanges: IpRange[];
  /** Facts only the org can settle; reported, not failed. */
  needsOrg: string[];
};

/** A vendor's metadata before its files are read: filled in by the checks (`checkVendorMetadata`). */
export const emptyVendorMetadata = (vendor: Vendor): VendorMetadata => ({
  vendor,
  files: new Map(),
  permissionSets: new Map(),
  fixedRanges: [],
  needsOrg: [],
});
