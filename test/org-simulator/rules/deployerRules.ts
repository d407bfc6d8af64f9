import { OrgState, rows } from '../orgState';

/**
 * The user permission deploying each type needs, from the "Special Access Rules" of the type pages
 * in the Metadata API Developer Guide: the OAuth policies and the app policies need "View all
 * External Client Apps, view their settings, and edit their policies" (ExternalClientAppAdmin); the
 * global OAuth settings and the OAuth settings need "View External Client Apps Consumer Secrets in
 * Metadata" (ViewClientSecret).
 */
const NEEDS: Record<string, string> = {
  ExtlClntAppOauthConfigurablePolicies: 'ExternalClientAppAdmin',
  ExtlClntAppConfigurablePolicies: 'ExternalClientAppAdmin',
  ExtlClntAppGlobalOauthSettings: 'ViewClientSecret',
  ExtlClntAppOauthSettings: 'ViewClientSecret',
};

/** The simulator's session user: the admin the access token belongs to. */
const DEPLOYER_ID = '005000000000001';

/** Whether the deploying user holds `permission` through any permission set assigned to it. */
const deployerHolds = (state: OrgState, permission: string): boolean => {
  const assigned = new Set(
    rows(state, 'PermissionSetAssignment')
      .filter((a) => a.AssigneeId === DEPLOYER_ID)
      .map((a) => a.PermissionSetId)
  );
  return rows(state, 'PermissionSet').some((p) => assigned.has(p.Id) && p[`Permissions${permission}`] === true);
};

/**
 * A component the deploying user may not deploy. The text is an approximation: no public source
 * shows what a real org answers here; it is Salesforce's "Insufficient Privileges" text, which
 * names no permission (the product must name it itself, before sending).
 */
export const deployerProblems = (state: OrgState, type: string): string[] => {
  const needed = NEEDS[type];
  if (!needed || !(needed in state.shape.permissions) || deployerHolds(state, needed)) return [];
  return [
    'Insufficient Privileges: You do not have the level of access necessary to perform the operation you requested. Please contact the owner of the record or your administrator if access is necessary.',
  ];
};
