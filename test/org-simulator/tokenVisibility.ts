import type { OrgState, Row } from './orgState';

/**
 * OauthToken rows the querying user (the simulator's admin) sees: every user's with Customize
 * Application, otherwise only its own (Object Reference, OauthToken, "Special Access Rules").
 */
export const visibleTokens = (state: OrgState): Row[] => {
  const tokens = state.records.get('OauthToken') ?? [];
  const admin = state.records.get('User')?.[0];
  const sets = (state.records.get('PermissionSetAssignment') ?? [])
    .filter((a) => a.AssigneeId === admin?.Id)
    .map((a) => a.PermissionSetId);
  const customize = (state.records.get('PermissionSet') ?? []).some(
    (p) => sets.includes(p.Id ?? null) && p.PermissionsCustomizeApplication === true
  );
  return customize ? tokens : tokens.filter((t) => t.UserId === admin?.Id);
};
