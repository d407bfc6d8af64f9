/**
 * User permissions the deploying user needs to deploy a metadata type, from the "Special Access
 * Rules" of each type's page in the Metadata API Developer Guide (API 59.0 and later pages).
 * ExtlClntAppOauthConfigurablePolicies and ExtlClntAppConfigurablePolicies: "The View all External
 * Client Apps, view their settings, and edit their policies user permission is required for users
 * with admin roles to configure OAuth policies" (ExternalClientAppAdmin).
 * ExtlClntAppGlobalOauthSettings and ExtlClntAppOauthSettings: "The View External Client Apps
 * Consumer Secrets in Metadata user permission is required for users with developer roles to
 * configure global OAuth settings" / "OAuth settings" (ViewClientSecret).
 * Label → API name: Salesforce's field reference (reference org-behaviour.md 2026-12-06).
 * Unverified: whether a user holding Modify All Data is exempt (the pages say nothing), so the
 * permission is asked for whenever the org has it.
 */
export const COMPONENT_RIGHTS: Record<string, string> = {
  ExtlClntAppOauthConfigurablePolicies: 'ExternalClientAppAdmin',
  ExtlClntAppConfigurablePolicies: 'ExternalClientAppAdmin',
  ExtlClntAppGlobalOauthSettings: 'ViewClientSecret',
  ExtlClntAppOauthSettings: 'ViewClientSecret',
};
