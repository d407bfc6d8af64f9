import fs from 'node:fs';
import path from 'node:path';
import { loadShapeFile } from './shapeFile';

/**
 * An org shape: the facts that make one org differ from another, as data. The built-in shapes are
 * JSON files in ./shapes/ (each says in `source` where its facts come from); `vendor-access probe`
 * writes the same format from a real org, and `npm run simulator -- --shape-file <file>` serves it.
 */
export type LicenceShape = { name: string; total: number; used: number };
export type PermissionSetLicenceShape = {
  developerName: string;
  masterLabel: string;
  total: number;
  used: number;
  /** Permissions it may not grant (PermissionSetLicense.MaximumPermissions<Name> false). */
  deniedPermissions: string[];
  /**
   * The `<license>` text permission set files use for it, as a probe read it from the org; absent,
   * the simulator takes the MasterLabel (unverified: no public permission set file shows one).
   */
  licenseInFiles?: string;
};
/** A PermissionDependency row whose types are not both "User Permission", kept as the org returned it. */
export type DependencyRow = {
  permission: string;
  permissionType: string;
  requiredPermission: string;
  requiredPermissionType: string;
};
/** SetupEntityAccess rows of the vendors' permission sets, per SetupEntityType (no ids). */
export type SetupEntityAccessShape = { setupEntityType: string; rows: number; permissionSets: string[] };

export type OrgShape = {
  name: string;
  /** Where the facts come from ("built-in: …", or the probe that recorded them). */
  source?: string;
  /** When `vendor-access probe` recorded the facts (ISO 8601). */
  probedAt?: string;
  /** Organization.OrganizationType. */
  edition: string;
  /** User permission API name → Setup label: one `Permissions<Name>` field of PermissionSet each. */
  permissions: Record<string, string>;
  /** User permission → the user permissions it requires (PermissionDependency). */
  dependencies: Record<string, string[]>;
  otherDependencies?: DependencyRow[];
  /**
   * What a permission set deploy refuses a permission without, beyond its PermissionDependency rows:
   * a real org's rule is not all in that object (reference org-behaviour.md 2026-12-06: a public
   * dump of a real org's rows lists no edge for ViewAllData, yet a Developer Edition org refused
   * "Permission ViewAllData depends on permission(s): ViewEventLogFiles, ViewPublicDashboards,
   * ViewPublicReports"). A probe cannot read it (only a refused deploy shows it): absent, none.
   */
  deployRequires?: Record<string, string[]>;
  /** sObjects the org has beyond the simulator's own tables (event stores, event objects, …). */
  objects: string[];
  userLicences: LicenceShape[];
  permissionSetLicences: PermissionSetLicenceShape[];
  profiles: Array<{ name: string; licence: string }>;
  /** Real-time event entities Event Manager offers (RealTimeEventSettings.realTimeEvents). */
  realTimeEvents: string[];
  /**
   * Whether the org has Event Monitoring (Shield or the add-on). Absent: the org has it when its
   * Event Manager offers any entity.
   */
  eventMonitoring?: boolean;
  /**
   * A sandbox, by its name (what Salesforce appends to copied usernames and puts in the My Domain
   * URL; Organization.IsSandbox true); absent (or false in a probed file): production.
   */
  sandbox?: { name: string };
  /**
   * The entities Event Manager has storage on (isEnabled true in the RealTimeEventSettings every
   * org holds), as a probe saw them; absent: none.
   */
  realTimeEventsEnabled?: string[];
  /** Setup label → permission API name, or null where no PermissionSet field has that label. */
  permissionsByLabel?: Record<string, string | null>;
  /** The ExternalClientAppSettings a retrieve returns (field → value); absent or empty: none held. */
  externalClientAppSettings?: Record<string, string>;
  /** Whether a retrieve of ExtlClntAppGlobalOauthSettings returns the certificate and the consumer key (default both). */
  globalOauthRetrieve?: { certificate: boolean; consumerKey: boolean };
  setupEntityAccess?: SetupEntityAccessShape[];
  /** Facts the probed org refused to give: field → the org's answer. The simulator refuses those reads the same way. */
  unknown?: Record<string, string>;
};

/** Event Monitoring decides Event Manager storage and EventSettings.enableEventLogWaveIntegration. */
export const hasEventMonitoring = (shape: OrgShape): boolean =>
  shape.eventMonitoring ?? shape.realTimeEvents.length > 0;

/**
 * A sandbox name as Salesforce allows it (Help "Create a Sandbox": up to 10 alphanumeric
 * characters; "starting with a letter" is unverified).
 */
export const sandboxNameProblem = (name: string): string | undefined =>
  /^[A-Za-z][A-Za-z0-9]{0,9}$/.test(name)
    ? undefined
    : `sandbox name '${name}' must be 1-10 letters or digits, starting with a letter`;

export const SHAPES_DIR = path.join(__dirname, 'shapes');
export type BuiltInShape = 'enterprise' | 'enterprise-shield' | 'enterprise-sandbox' | 'developer';

/** Every shapes/<name>.json, by name. */
export const BUILT_IN_SHAPES: string[] = fs
  .readdirSync(SHAPES_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

/** The built-in shapes, loaded (and checked) from their files once. */
export const SHAPES: Record<string, OrgShape> = Object.fromEntries(
  BUILT_IN_SHAPES.map((name) => [name, loadShapeFile(path.join(SHAPES_DIR, `${name}.json`))])
);

export const builtInShape = (name: string): OrgShape | undefined => SHAPES[name];
