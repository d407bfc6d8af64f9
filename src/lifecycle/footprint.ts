import type { Vendor } from '../catalogue';
import type { VendorMetadata } from '../metadata/checkVendorMetadata';
import type { IpRange } from '../network';
import type { OrgValues } from '../values';

/** Everything one vendor owns in an org, from the catalogue and the values file: nothing else is ever touched. */
export type VendorFootprint = {
  vendor: string;
  title: string;
  username: string;
  permissionSets: string[];
  permissionSetLicenses: string[];
  /** The vendor's External Client App, when it has one (Reco connects through its own connected app). */
  app?: string;
  rangeOwner: string;
  rangePrefix: string;
  /** The vendor's ranges: fixed ones from its metadata and per-org ones from the values file. */
  ranges: IpRange[];
  /** Settings files other than SecuritySettings the vendor deploys (Event Monitoring). */
  settings: string[];
  /** What the vendor must do again after a resume (vendor.json `afterResume`). */
  afterResume: string[];
};

export const footprintOf = (vendor: Vendor, metadata: VendorMetadata | undefined, values: OrgValues): VendorFootprint => {
  const vendorValues = values.vendors[vendor.name];
  const settings = [...(metadata?.files.keys() ?? [])]
    .map((f) => /settings\/(\w+)\.settings-meta\.xml$/.exec(f)?.[1])
    .filter((n): n is string => Boolean(n) && n !== 'Security');
  return {
    vendor: vendor.name,
    title: vendor.title,
    username: String(vendorValues?.values.integrationUsername ?? ''),
    permissionSets: vendor.permissionSets.map((p) => p.name),
    permissionSetLicenses: vendor.user.permissionSetLicenses,
    ...(vendor.externalClientApp ? { app: vendor.externalClientApp.name } : {}),
    rangeOwner: vendor.trustedRanges.owner,
    rangePrefix: vendor.trustedRanges.descriptionPrefix,
    ranges: [...(metadata?.fixedRanges ?? []), ...(vendorValues?.trustedRanges ?? [])],
    settings: [...new Set(settings)],
    afterResume: vendor.afterResume ?? [],
  };
};
