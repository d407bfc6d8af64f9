/**
 * What `vendor-access probe` writes: the org facts the product depends on that no public source
 * settles, in the org-shape format the simulator serves (test/org-simulator/shapes/*.json). A fact
 * the org refused to give is the string `unknown: <the org's answer>`. Names, labels, counts and
 * booleans only: no ids, no user or record data, no secret.
 */
export type Unknown = `unknown: ${string}`;
export type Fact<T> = T | Unknown;

export type LicenceFact = { name: string; total: number; used: number };
export type PermissionSetLicenceFact = {
  developerName: string;
  masterLabel: string;
  total: number;
  used: number;
  deniedPermissions: Fact<string[]>;
  /** The `<license>` text permission set files use for it; absent where no custom permission set uses the licence. */
  licenseInFiles?: Fact<string>;
};
export type DependencyRow = {
  permission: string;
  permissionType: string;
  requiredPermission: string;
  requiredPermissionType: string;
};
export type SetupEntityAccessFact = { setupEntityType: string; rows: number; permissionSets: string[] };

export type ProbeShape = {
  name: string;
  source: string;
  probedAt: string;
  edition: Fact<string>;
  /** false for production; a sandbox by its name. */
  sandbox: Fact<false | { name: string }>;
  permissions: Fact<Record<string, string>>;
  permissionsByLabel: Fact<Record<string, string | null>>;
  dependencies: Fact<Record<string, string[]>>;
  otherDependencies: Fact<DependencyRow[]>;
  objects: Fact<string[]>;
  userLicences: Fact<LicenceFact[]>;
  permissionSetLicences: Fact<PermissionSetLicenceFact[]>;
  profiles: Fact<Array<{ name: string; licence: string }>>;
  realTimeEvents: Fact<string[]>;
  /** Present when a retrieve returned RealTimeEventSettings: the entities it listed as enabled. */
  realTimeEventsEnabled?: Fact<string[]>;
  externalClientAppSettings: Fact<Record<string, string>>;
  globalOauthRetrieve: Fact<{ certificate: boolean; consumerKey: boolean }>;
  setupEntityAccess: Fact<SetupEntityAccessFact[]>;
};

export const isUnknown = (value: unknown): value is Unknown =>
  typeof value === 'string' && value.startsWith('unknown: ');

/** The facts of a shape the org refused, field → reason. */
export const unknownFacts = (shape: ProbeShape): Array<{ field: string; reason: string }> => {
  const found: Array<{ field: string; reason: string }> = [];
  for (const [field, value] of Object.entries(shape))
    if (isUnknown(value)) found.push({ field, reason: value.slice('unknown: '.length) });
  if (Array.isArray(shape.permissionSetLicences)) {
    shape.permissionSetLicences.forEach((p, i) => {
      if (isUnknown(p.deniedPermissions))
        found.push({
          field: `permissionSetLicences[${i}].deniedPermissions`,
          reason: p.deniedPermissions.slice('unknown: '.length),
        });
      if (isUnknown(p.licenseInFiles))
        found.push({
          field: `permissionSetLicences[${i}].licenseInFiles`,
          reason: p.licenseInFiles.slice('unknown: '.length),
        });
    });
  }
  return found;
};
