/**
 * Org shapes as data: which user permissions (with Setup labels) and objects exist, their
 * dependencies, licences with seats, profiles and permission set licences. The dependency edges
 * follow reference permissions-users.md B.2 (jetstream's transcription of Setup tooltips); edges to
 * Event Monitoring permissions exist only where those permissions exist.
 */
export type LicenceShape = { name: string; total: number; used: number };
export type OrgShape = {
  name: string;
  edition: string;
  permissions: Record<string, string>;
  dependencies: Record<string, string[]>;
  objects: string[];
  userLicences: LicenceShape[];
  /** Permission set licences: DeveloperName, MasterLabel, seats, and permissions they may not grant. */
  permissionSetLicences: Array<{ developerName: string; masterLabel: string; total: number; used: number; deniedPermissions: string[] }>;
  profiles: Array<{ name: string; licence: string }>;
  /** Real-time event entities Event Manager offers (RealTimeEventSettings.realTimeEvents). */
  realTimeEvents: string[];
  /**
   * Whether the org has Event Monitoring (Shield or the add-on). Absent: the org has it when its
   * Event Manager offers any entity.
   */
  eventMonitoring?: boolean;
  /** A sandbox, by its name (what Salesforce appends to copied usernames and puts in the My Domain URL). */
  sandbox?: { name: string };
};

/** Event Monitoring decides Event Manager storage and EventSettings.enableEventLogWaveIntegration. */
export const hasEventMonitoring = (shape: OrgShape): boolean => shape.eventMonitoring ?? shape.realTimeEvents.length > 0;

/**
 * A sandbox name as Salesforce allows it (Help "Create a Sandbox": up to 10 alphanumeric
 * characters; "starting with a letter" is unverified).
 */
export const sandboxNameProblem = (name: string): string | undefined =>
  /^[A-Za-z][A-Za-z0-9]{0,9}$/.test(name) ? undefined : `sandbox name '${name}' must be 1-10 letters or digits, starting with a letter`;

const BASE_PERMISSIONS: Record<string, string> = {
  ApiEnabled: 'API Enabled',
  AssignPermissionSets: 'Assign Permission Sets',
  CustomizeApplication: 'Customize Application',
  DelegatedTwoFactor: 'Manage MFA in User Interface',
  ExternalClientAppAdmin: 'View all External Client Apps, view their settings, and edit their policies',
  ExternalClientAppViewer: 'View all External Client Apps',
  FreezeUsers: 'Freeze Users',
  ManageCustomPermissions: 'Manage Custom Permissions',
  ManageInternalUsers: 'Manage Internal Users',
  ManageIpAddresses: 'Manage IP Addresses',
  ManageLoginAccessPolicies: 'Manage Login Access Policies',
  ManagePasswordPolicies: 'Manage Password Policies',
  ManageProfilesPermissionsets: 'Manage Profiles and Permission Sets',
  ManageRemoteAccess: 'Manage Connected Apps',
  ManageRoles: 'Manage Roles',
  ManageSharing: 'Manage Sharing',
  ManageTwoFactor: 'Manage MFA in API',
  ManageUsers: 'Manage Users',
  ModifyAllData: 'Modify All Data',
  ModifyMetadata: 'Modify Metadata Through Metadata API Functions',
  MonitorLoginHistory: 'Monitor Login History',
  ResetPasswords: 'Reset User Passwords and Unlock Users',
  ViewAllData: 'View All Data',
  ViewAllProfiles: 'View All Profiles',
  ViewAllUsers: 'View All Users',
  ViewPublicDashboards: 'View Dashboards in Public Folders',
  ViewPublicReports: 'View Reports in Public Folders',
  ViewRoles: 'View Roles and Role Hierarchy',
  ViewSetup: 'View Setup and Configuration',
};

const EVENT_MONITORING: Record<string, string> = {
  ViewEventLogFiles: 'View Event Log Files',
  ViewPlatformEvents: 'View Login Forensics Events',
  ViewDataLeakageEvents: 'View Real-Time Event Monitoring Data',
};

const BASE_DEPENDENCIES: Record<string, string[]> = {
  ViewSetup: ['ViewRoles'],
  ViewAllData: ['ViewSetup', 'ViewPublicDashboards', 'ViewPublicReports'],
  ManageTwoFactor: ['ManageUsers'],
  ManageUsers: ['ResetPasswords', 'ViewAllUsers', 'FreezeUsers', 'ManageProfilesPermissionsets', 'AssignPermissionSets', 'ManageRoles', 'ManageIpAddresses', 'ManageSharing', 'MonitorLoginHistory', 'ViewSetup', 'ManageInternalUsers', 'ManagePasswordPolicies', 'ManageLoginAccessPolicies', 'DelegatedTwoFactor'],
  ResetPasswords: ['ViewSetup'],
  CustomizeApplication: ['ViewSetup', 'ManageCustomPermissions'],
  ModifyMetadata: ['ViewSetup'],
  ExternalClientAppAdmin: ['ExternalClientAppViewer'],
  ModifyAllData: ['ViewAllData', 'ViewSetup', 'ModifyMetadata'],
};

const EVENT_STORES = ['ApiAnomalyEventStore', 'GuestUserAnomalyEventStore', 'ReportAnomalyEventStore', 'SessionHijackingEventStore'];
const STANDARD_EVENTS = ['ApiEvent', 'ApiEventStream', 'LightningUriEvent', 'LightningUriEventStream', 'ListViewEvent', 'ListViewEventStream', 'LoginAsEvent', 'LoginAsEventStream', 'LoginEvent', 'LoginEventStream', 'LogoutEvent', 'LogoutEventStream', 'ReportEvent', 'ReportEventStream', 'UriEvent', 'UriEventStream'];
const SHIELD_EVENTS = ['ApiAnomalyEvent', 'ApiAnomalyEventStore', 'BulkApiResultEvent', 'BulkApiResultEventStore', 'CredentialStuffingEvent', 'CredentialStuffingEventStore', 'FileEvent', 'FileEventStore', 'GuestUserAnomalyEvent', 'GuestUserAnomalyEventStore', 'LoginAnomalyEvent', 'LoginAnomalyEventStore', 'PermissionSetEvent', 'PermissionSetEventStore', 'ReportAnomalyEvent', 'ReportAnomalyEventStore', 'SessionHijackingEvent', 'SessionHijackingEventStore'];

// The API Integration PSL extends the Salesforce Integration licence; it does not allow the
// "administer users" family (reference D.3: the licence caps permissions; exact list unverified).
const API_INTEGRATION_PSL_DENIES = ['ManageUsers', 'ManageInternalUsers', 'ResetPasswords', 'ModifyAllData', 'ViewAllData'];

const profiles = [
  { name: 'System Administrator', licence: 'Salesforce' },
  { name: 'Minimum Access - Salesforce', licence: 'Salesforce' },
  { name: 'Standard User', licence: 'Salesforce' },
  { name: 'Minimum Access - API Only Integrations', licence: 'Salesforce Integration' },
];

const enterprise = (withShield: boolean): OrgShape => ({
  name: withShield ? 'enterprise-shield' : 'enterprise',
  edition: 'Enterprise Edition',
  permissions: { ...BASE_PERMISSIONS, ...(withShield ? EVENT_MONITORING : {}) },
  dependencies: withShield ? { ...BASE_DEPENDENCIES, ViewAllData: [...(BASE_DEPENDENCIES.ViewAllData ?? []), 'ViewEventLogFiles', 'ViewPlatformEvents', 'ViewDataLeakageEvents'] } : BASE_DEPENDENCIES,
  objects: ['Account', 'User', 'PermissionSet', ...(withShield ? EVENT_STORES : [])],
  userLicences: [
    { name: 'Salesforce', total: 20, used: 12 },
    { name: 'Salesforce Integration', total: 5, used: 0 },
  ],
  permissionSetLicences: [{ developerName: 'SalesforceAPIIntegrationPsl', masterLabel: 'Salesforce API Integration', total: 5, used: 0, deniedPermissions: API_INTEGRATION_PSL_DENIES }],
  profiles,
  // Without Shield or the Event Monitoring add-on, Event Manager offers no entity to store or
  // stream (reference org-behaviour.md "Settings without Shield"; which entities a non-Shield org
  // lists in Setup, if any, is unverified: `probe` records it from a real org).
  realTimeEvents: withShield ? [...STANDARD_EVENTS, ...SHIELD_EVENTS] : [],
  eventMonitoring: withShield,
});

export const SHAPES: Record<string, OrgShape> = {
  enterprise: enterprise(false),
  'enterprise-shield': enterprise(true),
  // A sandbox of the enterprise org (no Shield), named uat.
  'enterprise-sandbox': { ...enterprise(false), name: 'enterprise-sandbox', sandbox: { name: 'uat' } },
  developer: {
    ...enterprise(false),
    name: 'developer',
    edition: 'Developer Edition',
    userLicences: [
      { name: 'Salesforce', total: 2, used: 1 },
      { name: 'Salesforce Integration', total: 1, used: 0 },
    ],
    permissionSetLicences: [{ developerName: 'SalesforceAPIIntegrationPsl', masterLabel: 'Salesforce API Integration', total: 1, used: 0, deniedPermissions: API_INTEGRATION_PSL_DENIES }],
  },
};
