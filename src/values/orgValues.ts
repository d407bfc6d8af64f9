import type { IpRange } from '../network';

/** One vendor's values after validation, ready for replacements, deploys and reports. */
export type VendorValues = {
  vendor: string;
  /** Validated values by key, as written (after environment overrides). */
  values: Record<string, string | string[]>;
  /** Where each value came from: the values file, or an environment variable that overrode it. */
  sources: Record<string, 'values file' | `environment ${string}`>;
  /**
   * Environment variables the sfdx-project.json `replaceWithEnv` replacements read, as staged
   * text: XML-escaped and with `$` doubled, so SDR's `String.replace` writes the value literally.
   */
  env: Record<string, string>;
  /**
   * Files the `replaceWithFile` replacements read: `from` is the values file's path (for reports),
   * `to` the project path SDR reads, `content` the staged text (a certificate re-encoded from the
   * parsed file, escaped like `env`). The file at `from` is never copied.
   */
  replacementFiles: Array<{ from: string; to: string; content: string }>;
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
