/**
 * Every org-metadata element the product reads from a retrieve or writes into a generated file,
 * declared once, each with the metadata type whose schema holds it. A test checks each path against
 * Salesforce's published schema (config/salesforce/metadata-schema.json, from @salesforce/types), so a field Salesforce
 * removed (as enableExternalClientApps was at API 63) fails the build instead of a customer's deploy.
 */
export const ORG_FIELDS = {
  /** SecuritySettings' trusted ranges: read to merge, written whole (renderSecuritySettings). */
  trustedRanges: { type: 'SecuritySettings', path: 'networkAccess/ipRanges' },
  rangeStart: { type: 'SecuritySettings', path: 'networkAccess/ipRanges/start' },
  rangeEnd: { type: 'SecuritySettings', path: 'networkAccess/ipRanges/end' },
  rangeDescription: { type: 'SecuritySettings', path: 'networkAccess/ipRanges/description' },
  /** Event Manager entities: read from the org, written enabled (renderRealTimeEventSettings). */
  realTimeEvents: { type: 'RealTimeEventSettings', path: 'realTimeEvents' },
  realTimeEventEntity: { type: 'RealTimeEventSettings', path: 'realTimeEvents/entityName' },
  realTimeEventEnabled: { type: 'RealTimeEventSettings', path: 'realTimeEvents/isEnabled' },
  /** The JWT certificate and the consumer key the org holds on an app (plan, verify, handoff). */
  appCertificate: { type: 'ExtlClntAppGlobalOauthSettings', path: 'certificate' },
  appConsumerKey: { type: 'ExtlClntAppGlobalOauthSettings', path: 'consumerKey' },
  appConsumerSecret: { type: 'ExtlClntAppGlobalOauthSettings', path: 'consumerSecret' },
  /** Permission set entries added or left out per org (addUserPermissions, removePermissions). */
  userPermissionName: { type: 'PermissionSet', path: 'userPermissions/name' },
  userPermissionEnabled: { type: 'PermissionSet', path: 'userPermissions/enabled' },
  objectPermissionObject: { type: 'PermissionSet', path: 'objectPermissions/object' },
  /** The ECA a satellite belongs to, and the permission sets a policy pre-authorises. */
  policyApp: { type: 'ExtlClntAppOauthConfigurablePolicies', path: 'externalClientApplication' },
  policyPermissionSets: { type: 'ExtlClntAppOauthConfigurablePolicies', path: 'commaSeparatedPermissionSet' },
  /** Hardened mode: whether the app's policy makes profile login IP ranges bind its OAuth logins (plan, verify). */
  policyIpRelaxation: { type: 'ExtlClntAppOauthConfigurablePolicies', path: 'ipRelaxationPolicyType' },
  /** Hardened mode's profile, read offline from force-app (checkHardenedProfile). */
  profileLoginIpRanges: { type: 'Profile', path: 'loginIpRanges' },
  profileLoginStart: { type: 'Profile', path: 'loginIpRanges/startAddress' },
  profileLoginEnd: { type: 'Profile', path: 'loginIpRanges/endAddress' },
  profileLoginDescription: { type: 'Profile', path: 'loginIpRanges/description' },
  profileCustom: { type: 'Profile', path: 'custom' },
  profileUserLicense: { type: 'Profile', path: 'userLicense' },
} as const;

export type OrgField = keyof typeof ORG_FIELDS;
