import type { IpRange } from '../network';

/** One vendor's values after validation, ready for replacements, deploys and reports. */
export type VendorValues = {
  vendor: string;
  /** Validated values by key, as written (after environment overrides). */
  values: Record<string, string | string[]>;
  /** Where each value came from: the values file, or an environment variable that overrode it. */
  sources: Record<string, 'values file' | `environment ${string}`>;
  /** Environment variables the sfdx-project.json `replaceWithEnv` replacements read. */
  env: Record<string, string>;
  /** Files the `replaceWithFile` replacements read: copied from the values file's path to the project path. */
  replacementFiles: Array<{ from: string; to: string }>;
  features: string[];
  /** Per-org trusted ranges, expanded to start/end with the vendor's description prefix. */
  trustedRanges: IpRange[];
  /** Hardened mode (`hardening.restrictLoginToVendorRanges`): the user sits on the vendor's dedicated profile. */
  hardened?: true;
};

export type OrgValues = {
  /** Project-relative or absolute path of the values file. */
  file: string;
  org: string;
  vendors: Record<string, VendorValues>;
};
