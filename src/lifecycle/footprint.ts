import path from 'node:path';
import type { Vendor } from '../catalogue';
import type { VendorMetadata } from '../metadata';
import type { IpRange } from '../network';
import { fieldByRole, specByRole, valueByRole, type OrgValues } from '../values';
import { vendorSettingsNames } from '../org/apply';

/** Everything one vendor owns in an org, from the catalogue and the values file: nothing else is ever touched. */
export type VendorFootprint = {
  vendor: string;
  title: string;
  /** False for a vendor without an integration user (vendor.json has no integrationUser): no user steps. */
  hasUser: boolean;
  username: string;
  /** Where the username comes from, for messages: the values file and field, or the environment variable. */
  usernameSource: string;
  /** The integration user's e-mail from the values: a prefixed sandbox copy is recognised by it. */
  userEmail?: string;
  /** Set by findVendorUser when the org's user is not the values' own name (a sandbox copy, --username). */
  userNote?: string;
  /** Set by findVendorUser when the org holds no such user: what was looked for, candidates and the fix. */
  userMissing?: string;
  permissionSets: string[];
  permissionSetLicenses: string[];
  /** The vendor's External Client App, when it has one (a vendor may connect through its own connected app). */
  app?: string;
  /** Absent for a vendor without trusted ranges (vendor.json has no trustedRanges): no range is ever removed. */
  rangeOwner?: string;
  rangePrefix?: string;
  /** The vendor's ranges: fixed ones from its metadata and per-org ones from the values file. */
  ranges: IpRange[];
  /** Settings other than SecuritySettings the vendor deploys (Event Monitoring): name → absolute file. */
  settings: string[];
  settingsFiles: Record<string, string>;
  /** Hardened mode's dedicated profile (by name), and the user's licence and usual profile to move it back to. */
  hardenedProfile?: { name: string; userLicense: string; standardProfile: string };
  /** What the vendor must do again after a resume (vendor.json `afterResume`). */
  afterResume: string[];
};

const usernameSourceOf = (vendor: Vendor, values: OrgValues): string => {
  const key = specByRole(vendor, 'integrationUsername')?.key ?? '';
  const source = values.vendors[vendor.name]?.sources[key];
  return source && source !== 'values file'
    ? source
    : `${fieldByRole(vendor, 'integrationUsername')} in ${values.file}`;
};

export const footprintOf = (
  vendor: Vendor,
  metadata: VendorMetadata | undefined,
  values: OrgValues
): VendorFootprint => {
  const vendorValues = values.vendors[vendor.name];
  const files = [...(metadata?.files.keys() ?? [])];
  const settings = vendorSettingsNames(files);
  const settingsFiles = Object.fromEntries(
    settings.map((name) => [
      name,
      path.join(vendor.dir, files.find((f) => f.endsWith(`settings/${name}.settings-meta.xml`)) ?? ''),
    ])
  );
  return {
    vendor: vendor.name,
    title: vendor.title,
    hasUser: vendor.user !== undefined,
    username: valueByRole(vendor, values, 'integrationUsername'),
    usernameSource: usernameSourceOf(vendor, values),
    ...(specByRole(vendor, 'integrationUserEmail')
      ? { userEmail: valueByRole(vendor, values, 'integrationUserEmail') }
      : {}),
    permissionSets: vendor.permissionSets.map((p) => p.name),
    permissionSetLicenses: vendor.user?.permissionSetLicenses ?? [],
    ...(vendor.externalClientApp ? { app: vendor.externalClientApp.name } : {}),
    ...(vendor.trustedRanges
      ? { rangeOwner: vendor.trustedRanges.owner, rangePrefix: vendor.trustedRanges.descriptionPrefix }
      : {}),
    ranges: [...(metadata?.fixedRanges ?? []), ...(vendorValues?.trustedRanges ?? [])],
    settings,
    settingsFiles,
    afterResume: vendor.afterResume ?? [],
    ...(vendor.user &&
    vendor.hardening?.restrictLoginToVendorRanges.applies &&
    vendor.hardening.restrictLoginToVendorRanges.profile
      ? {
          hardenedProfile: {
            name: vendor.hardening.restrictLoginToVendorRanges.profile,
            userLicense: vendor.user.userLicense,
            standardProfile: vendor.user.profileName,
          },
        }
      : {}),
  };
};
