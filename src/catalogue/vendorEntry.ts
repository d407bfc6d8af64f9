/** The kinds of org value a vendor can ask for; each has its own validation. */
export type ValueType = 'email' | 'username' | 'certificateFile' | 'ipRanges' | 'features';
export const VALUE_TYPES: ValueType[] = ['email', 'username', 'certificateFile', 'ipRanges', 'features'];

/**
 * What a value is for. Generic code finds a vendor's values by role (`valueByRole` in values/),
 * never by key, so a vendor names its keys as it likes. Every role but `none` appears at most once
 * in a vendor, and each goes with one value type (`ROLE_TYPES`).
 */
export type ValueRole =
  | 'integrationUsername'
  | 'integrationUserEmail'
  | 'certificate'
  | 'contactEmail'
  | 'trustedRanges'
  | 'features'
  | 'none';
export const VALUE_ROLES: ValueRole[] = [
  'integrationUsername',
  'integrationUserEmail',
  'certificate',
  'contactEmail',
  'trustedRanges',
  'features',
  'none',
];
/** The value type each role needs (`none` takes any). */
export const ROLE_TYPES: Record<Exclude<ValueRole, 'none'>, ValueType> = {
  integrationUsername: 'username',
  integrationUserEmail: 'email',
  certificate: 'certificateFile',
  contactEmail: 'email',
  trustedRanges: 'ipRanges',
  features: 'features',
};

export type ValueSpec = {
  key: string;
  type: ValueType;
  role: ValueRole;
  required: boolean;
  description: string;
  /** Environment variable an sfdx-project.json `replaceWithEnv` replacement reads. */
  env?: string;
  /** Project-relative file an sfdx-project.json `replaceWithFile` replacement reads. */
  replacementFile?: string;
};

export type PermissionSetRef = { name: string; file: string; assign: 'always' | 'feature'; feature?: string };
export type Feature = { id: string; description: string; permissionSets: string[] };

/** One element a guide step is implemented by; `path` as in metadata/elementPath.ts. */
export type ElementAssertion = { file: string; path?: string; equals?: string; equalsValue?: string; absent?: boolean };

export type GuideStep = {
  id: string;
  section: string;
  guide: string;
  implementedBy?: ElementAssertion[];
  manual?: string;
  command?: string;
};

/**
 * A user permission the shared catalogue (src/metadata/permissions.json) does not know,
 * described by the vendor that needs it: its Setup label, risk tier (0–4), why, and what it requires.
 */
export type VendorPermission = { label: string; tier: 0 | 1 | 2 | 3 | 4; why: string; requires?: string[] };

export type RuntimePermission = { permissionSet: string; label: string; why: string };

export type TrustedRangesSpec = {
  owner: string;
  descriptionPrefix: string;
  source: string;
  /** Vendor-relative SecuritySettings file holding fixed ranges (kept out of raw deploys). */
  file?: string;
  /** The addresses as the vendor publishes them, to prove the file matches. */
  published?: string[];
  /** Values key holding per-org ranges. */
  fromValue?: string;
};

/**
 * How the vendor gets its tokens through the app (its OAuth flow). Each flow needs its own elements
 * in the app's files and refuses the others' (check's checkOauthFlow). `jwtBearer`: a certificate
 * on the global OAuth settings; the vendor signs with its private key. `clientCredentials`:
 * `isClientCredentialsFlowEnabled` in the global OAuth settings and the OAuth policies, and
 * `clientCredentialsFlowUser` (the run-as user, always the vendor's integration user); the vendor
 * holds the consumer key and secret; no certificate (it would be a second way in). `webServer`: a
 * person consents in a browser at the callback URL; no certificate, no client credentials.
 */
export type OauthFlow = 'jwtBearer' | 'clientCredentials' | 'webServer';
export const OAUTH_FLOWS: OauthFlow[] = ['jwtBearer', 'clientCredentials', 'webServer'];

export type ExternalClientAppSpec = {
  name: string;
  file: string;
  globalOauthSettings: string;
  oauthSettings: string;
  oauthPolicies: string;
  policies: string;
  /** The app's OAuth flow; absent means `jwtBearer` (the flow vendor-access started with). */
  flow?: OauthFlow;
};

/** The flow of a vendor's app: `jwtBearer` when vendor.json does not say. */
export const flowOf = (app: ExternalClientAppSpec): OauthFlow => app.flow ?? 'jwtBearer';

/** One OAuth scope a vendor's own app requests, in its guide's words, and what it lets the app do. */
export type VendorAppScope = { scope: string; lets: string };

/**
 * The vendor's own connected app (it lives in the vendor's org, not ours): the org only consents to
 * it and sets its policies by hand. Described so the review can say what the consent grants.
 */
export type VendorAppSpec = {
  name: string;
  /** Where the guide lists the scopes (section title). */
  source: string;
  scopes: VendorAppScope[];
  /** The policy the guide asks the org to set on the app, in the guide's words. */
  policies?: string;
};

/**
 * One org feature and the parts of the setup that exist only with it. Everything listed is looked
 * up in the org (its permission fields, its objects, its Event Manager entities), never assumed
 * from an edition; the feature counts as present when every listed permission and object exists.
 */
export type OrgFeatureSpec = {
  id: string;
  title: string;
  /** True when the vendor's guide makes the feature optional (e.g. Shield "not mandatory"). */
  optional: boolean;
  /** What the vendor will not see without it, in words for the handoff. */
  withoutIt: string;
  /** User permission API names that exist only with the feature. */
  permissions: string[];
  /** Objects (for object permissions) that exist only with the feature. */
  objects: string[];
  /** Settings (fullName, e.g. "Event") deployed only where the feature is present. */
  settings: string[];
  /**
   * Vendor-relative RealTimeEventSettings file: Event Manager streaming and storage for every event
   * entity the org offers (read from the org), not a fixed list.
   */
  eventManager?: string;
};

/**
 * A handoff item's source: `values.<role>` (a value the vendor declares with that role; for
 * `integrationUsername` the user actually set up), `org.consumerKey` (read from the org, needs an
 * External Client App), `org.consumerSecret` (never read: the handoff says where to copy it; needs
 * an app) or `org.myDomainUrl` (the org's My Domain URL, where a client-credentials vendor asks
 * for its tokens). The loader refuses any other text.
 */
export type HandoffFrom = `values.${string}` | 'org.consumerKey' | 'org.consumerSecret' | 'org.myDomainUrl';
export type HandoffItem = { item: string; from: HandoffFrom; where?: string };

/**
 * Hardened mode: whether the vendor logs in only from its published ranges, so its integration user
 * can sit on a dedicated profile whose login IP ranges are those ranges. `why` says so either way.
 */
export type RestrictLoginSpec = {
  applies: boolean;
  why: string;
  /** The dedicated custom profile's name (its Metadata API fullName), when the mode applies. */
  profile?: string;
  /** Vendor-relative source file of that profile, kept out of raw deploys by .forceignore. */
  file?: string;
};

/** Advice keyed by the situation generic code finds. */
export type VendorAdvice = {
  /** Shown when the integration user's profile has login IP ranges (they break OAuth grants from elsewhere). */
  profileLoginIpRanges?: string;
};

export type HardeningSpec = { restrictLoginToVendorRanges: RestrictLoginSpec };

/**
 * A vendor's catalogue entry: `force-app/<vendor>/vendor.json`. Data, not code. Its shape and what
 * each key means are described once, in schemas/vendor.schema.json (the loader checks against it;
 * editors read it through `$schema`); these types name the same keys, which
 * test/catalogue/vendorSchema.test.ts holds.
 */
export type VendorEntry = {
  /** The vendor.json format (VENDOR_JSON_FORMAT); absent in files written before the key existed, which are format 1. */
  formatVersion?: 1;
  name: string;
  title: string;
  guide: string;
  packageDirectory: string;
  values: ValueSpec[];
  permissionSets: PermissionSetRef[];
  features: Feature[];
  guideRequiredPermissions: Record<string, string[]>;
  runtimePermissions: RuntimePermission[];
  /** Permissions the shared catalogue lacks, by API name (`VendorPermission`). */
  permissions?: Record<string, VendorPermission>;
  externalClientApp?: ExternalClientAppSpec;
  /**
   * Vendor-relative integration-user definition (`users/*.json`); absent when the vendor needs no
   * user of its own in the org (then no user is planned, created, verified or handed off).
   */
  integrationUser?: string;
  /** Absent for a vendor that publishes no addresses and takes none per org: no ranges, no warning. */
  trustedRanges?: TrustedRangesSpec;
  /** The vendor's own app the org consents to (no External Client App of ours). */
  vendorApp?: VendorAppSpec;
  /**
   * True when the vendor's guide has the new integration user finish its setup from Salesforce's
   * verification email: the handoff then asks for it. Absent or false: no such step.
   */
  newUserVerifiesEmail?: boolean;
  /**
   * Org features (Salesforce add-ons such as Event Monitoring) that parts of this vendor's setup
   * need. The org decides at run time whether each listed part exists; an optional feature's
   * missing parts are left out and reported, a required feature's are errors.
   */
  orgFeatures?: OrgFeatureSpec[];
  hardening?: HardeningSpec;
  /** Vendor-specific advice that generic checks print (words from the vendor's guide). */
  advice?: VendorAdvice;
  handoff: HandoffItem[];
  /** What the vendor must do again after `resume` (revoked tokens stay revoked). */
  afterResume?: string[];
  guideSteps: GuideStep[];
};

/** Integration-user definition (`users/*.json`): scratch-org user-definition keys plus ours. */
export type IntegrationUserDefinition = {
  LastName: string;
  Alias: string;
  TimeZoneSidKey: string;
  LocaleSidKey: string;
  EmailEncodingKey: string;
  LanguageLocaleKey: string;
  /** User licence name, e.g. "Salesforce" or "Salesforce Integration". */
  userLicense: string;
  /** Preferred profile; the org's profile for `profileByLicense` is used when it lacks this one. */
  profileName: string;
  profileByLicense: string;
  /** PermissionSetLicense DeveloperNames, assigned before any permission set. */
  permissionSetLicenses: string[];
  permsets: string[];
};

/** A loaded vendor: its entry plus where it lives. */
export type Vendor = VendorEntry & {
  /** Absolute vendor directory. */
  dir: string;
  /** Project-relative vendor directory, for messages. */
  relDir: string;
  /** The integration user, when the vendor has one (`integrationUser`). */
  user?: IntegrationUserDefinition;
};
