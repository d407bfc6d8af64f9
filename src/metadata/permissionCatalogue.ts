/**
 * The user permissions this project grants or reviews: UI label ↔ metadata name, risk tier and the
 * permissions each one requires. Names are PermissionSet `Permissions*` field names without the
 * prefix (reference permissions-users.md §0.1, A). Requirements come from the Setup UI's "Requires
 * these permissions" tooltips as transcribed by jetstreamapp/jetstream
 * (libs/features/manage-permissions/src/utils/system-permission-dependencies.ts @3190e1c9), plus
 * ViewSetup → ViewRoles (ISPM guide table; salesforce.stackexchange q/413777).
 *
 * `requiresWhereAvailable` are requirements that exist only in some orgs (e.g. Event Monitoring
 * permissions under View All Data): the static files leave them out and `deploy` resolves them
 * from the org's PermissionDependency at run time, because naming a permission an org lacks fails
 * the whole deploy ("no UserPermission named X found").
 */
export type RiskTier = 0 | 1 | 2 | 3 | 4;

export type PermissionInfo = {
  label: string;
  tier: RiskTier;
  requires: string[];
  requiresWhereAvailable?: string[];
  /** Org feature or licence the permission exists with; absent = every org with the API. */
  availability?: string;
};

/** How tiers are assigned; printed in every review report. */
export const TIER_RULES: Record<RiskTier, string> = {
  0: 'can take over the org: change code or metadata, grant itself or others any access, or control other users’ accounts',
  1: 'can read every record in the org',
  2: 'can change security-relevant configuration or other users’ access, short of taking over the org',
  3: 'can read configuration, users, logs or security events, but no business records',
  4: 'an access channel only: grants no data or configuration by itself',
};

const EVENT_MONITORING = 'Event Monitoring (Salesforce Shield or the Event Monitoring add-on)';

export const PERMISSIONS: Record<string, PermissionInfo> = {
  ApiEnabled: { label: 'API Enabled', tier: 4, requires: [] },
  AssignPermissionSets: { label: 'Assign Permission Sets', tier: 0, requires: [] },
  AuthorApex: { label: 'Author Apex', tier: 0, requires: ['ViewSetup', 'ModifyMetadata'] },
  CustomizeApplication: { label: 'Customize Application', tier: 0, requires: ['ViewSetup', 'ManageCustomPermissions'] },
  DelegatedTwoFactor: { label: 'Manage MFA in User Interface', tier: 2, requires: [] },
  ExternalClientAppAdmin: {
    label: 'View all External Client Apps, view their settings, and edit their policies',
    tier: 2,
    requires: ['ExternalClientAppViewer'],
    availability: 'orgs with External Client Apps (API 59.0+)',
  },
  ExternalClientAppViewer: {
    label: 'View all External Client Apps',
    tier: 3,
    requires: [],
    availability: 'orgs with External Client Apps (API 59.0+)',
  },
  FreezeUsers: { label: 'Freeze Users', tier: 2, requires: [] },
  ManageCustomPermissions: { label: 'Manage Custom Permissions', tier: 2, requires: [] },
  ManageInternalUsers: { label: 'Manage Internal Users', tier: 0, requires: [] },
  ManageIpAddresses: { label: 'Manage IP Addresses', tier: 2, requires: [] },
  ManageLoginAccessPolicies: { label: 'Manage Login Access Policies', tier: 2, requires: [] },
  ManagePasswordPolicies: { label: 'Manage Password Policies', tier: 2, requires: [] },
  ManageProfilesPermissionsets: { label: 'Manage Profiles and Permission Sets', tier: 0, requires: [] },
  ManageRemoteAccess: { label: 'Manage Connected Apps', tier: 2, requires: [] },
  ManageRoles: { label: 'Manage Roles', tier: 2, requires: [] },
  ManageSharing: { label: 'Manage Sharing', tier: 2, requires: [] },
  ManageTwoFactor: { label: 'Manage MFA in API', tier: 2, requires: ['ManageUsers'] },
  ManageUsers: {
    label: 'Manage Users',
    tier: 0,
    requires: [
      'ResetPasswords',
      'ViewAllUsers',
      'FreezeUsers',
      'ManageProfilesPermissionsets',
      'AssignPermissionSets',
      'ManageRoles',
      'ManageIpAddresses',
      'ManageSharing',
      'MonitorLoginHistory',
      'ViewSetup',
      'ManageInternalUsers',
      'ManagePasswordPolicies',
      'ManageLoginAccessPolicies',
      'DelegatedTwoFactor',
    ],
  },
  ModifyAllData: { label: 'Modify All Data', tier: 0, requires: ['ViewAllData', 'ViewSetup', 'ModifyMetadata'] },
  ModifyMetadata: { label: 'Modify Metadata Through Metadata API Functions', tier: 0, requires: ['ViewSetup'] },
  MonitorLoginHistory: { label: 'Monitor Login History', tier: 3, requires: [] },
  ResetPasswords: { label: 'Reset User Passwords and Unlock Users', tier: 2, requires: ['ViewSetup'] },
  ViewAllData: {
    label: 'View All Data',
    tier: 1,
    requires: ['ViewSetup', 'ViewPublicDashboards', 'ViewPublicReports'],
    requiresWhereAvailable: ['ViewEventLogFiles', 'ViewPlatformEvents', 'ViewDataLeakageEvents'],
  },
  ViewAllProfiles: { label: 'View All Profiles', tier: 3, requires: [] },
  ViewAllUsers: { label: 'View All Users', tier: 3, requires: [] },
  ViewDataLeakageEvents: { label: 'View Real-Time Event Monitoring Data', tier: 3, requires: [], availability: EVENT_MONITORING },
  ViewEventLogFiles: { label: 'View Event Log Files', tier: 3, requires: [], availability: EVENT_MONITORING },
  ViewPlatformEvents: { label: 'View Login Forensics Events', tier: 3, requires: [], availability: EVENT_MONITORING },
  ViewPublicDashboards: { label: 'View Dashboards in Public Folders', tier: 3, requires: [] },
  ViewPublicReports: { label: 'View Reports in Public Folders', tier: 3, requires: [] },
  ViewRoles: { label: 'View Roles and Role Hierarchy', tier: 3, requires: [] },
  ViewSetup: { label: 'View Setup and Configuration', tier: 3, requires: ['ViewRoles'] },
};

/** Object permissions (View All on the event stores) read security events: tier 3. */
export const OBJECT_VIEW_ALL_TIER: RiskTier = 3;

/** The catalogue entry for a UI label, for guides that name permissions by label. */
export const permissionByLabel = (label: string): string | undefined =>
  Object.entries(PERMISSIONS).find(([, info]) => info.label.toLowerCase() === label.toLowerCase())?.[0];
