import { renderNode } from '../deployEngine';
import { newId, OrgState, rows } from '../orgState';
import { children, leaf, Node, parseXml } from '../xml';
import { ipRangeProblem } from './ipRangeRules';

/**
 * Profile deploys: a new profile must name a user licence the org has (unverified wording: the
 * Metadata API documents `userLicense` as the licence a new custom profile is created on, not the
 * error); each login IP range follows the trusted-range rules (reference C).
 */
export const profileProblems = (state: OrgState, fullName: string, node: Node): string[] => {
  const problems: string[] = [];
  const exists = rows(state, 'Profile').some((p) => p.Name === fullName);
  const licence = leaf(node, 'userLicense');
  if (!exists && !licence) problems.push(`Cannot create a new profile without a user license: ${fullName}`);
  if (licence && !rows(state, 'UserLicense').some((l) => l.Name === licence))
    problems.push(`Invalid user license: ${licence}`);
  for (const range of children(node, 'loginIpRanges')) {
    const problem = ipRangeProblem(leaf(range, 'startAddress') ?? '', leaf(range, 'endAddress') ?? '');
    if (problem) problems.push(problem);
  }
  return problems;
};

/**
 * A deployed profile's records: the Profile row (created on its licence) and its LoginIpRange rows.
 * loginIpRanges is one list and a deploy replaces it (reference §0.6: REPLACE semantics).
 */
export const applyProfile = (state: OrgState, fullName: string, node: Node): void => {
  let profile = rows(state, 'Profile').find((p) => p.Name === fullName);
  if (!profile) {
    const licence = rows(state, 'UserLicense').find((l) => l.Name === leaf(node, 'userLicense'));
    profile = { Id: newId('00e'), Name: fullName, UserLicenseId: licence?.Id ?? null };
    rows(state, 'Profile').push(profile);
  }
  const id = profile.Id ?? null;
  const kept = rows(state, 'LoginIpRange').filter((r) => r.ProfileId !== id);
  state.records.set('LoginIpRange', [
    ...kept,
    ...children(node, 'loginIpRanges').map((r) => ({
      Id: newId('0LI'),
      ProfileId: id,
      StartAddress: leaf(r, 'startAddress') ?? '',
      EndAddress: leaf(r, 'endAddress') ?? '',
      Description: leaf(r, 'description') ?? null,
    })),
  ]);
};

/**
 * deleteMetadata of a profile: refused while users are assigned to it (unverified wording; Setup
 * refuses to delete a profile that users have), otherwise the profile and its ranges go.
 */
export const deleteProfile = (state: OrgState, fullName: string): string | undefined => {
  const profile = rows(state, 'Profile').find((p) => p.Name === fullName);
  if (!profile) return `No Profile named ${fullName} found`;
  if (rows(state, 'User').some((u) => u.ProfileId === profile.Id))
    return 'Cannot delete a profile that is assigned to users';
  state.records.set(
    'Profile',
    rows(state, 'Profile').filter((p) => p.Id !== profile.Id)
  );
  state.records.set(
    'LoginIpRange',
    rows(state, 'LoginIpRange').filter((r) => r.ProfileId !== profile.Id)
  );
  state.components.delete(`Profile:${fullName}`);
  return undefined;
};

/** A retrieve shows the profile's login IP ranges as the org holds them (its LoginIpRange rows), however they were set. */
export const profileAsRetrieved = (state: OrgState, fullName: string, xml: string): string => {
  const profile = rows(state, 'Profile').find((p) => p.Name === fullName);
  if (!profile) return xml;
  const { node } = parseXml(xml);
  const ranges = rows(state, 'LoginIpRange')
    .filter((r) => r.ProfileId === profile.Id)
    .map(
      (r): Node => ({
        ...(r.Description ? { description: [String(r.Description)] } : {}),
        endAddress: [String(r.EndAddress)],
        startAddress: [String(r.StartAddress)],
      })
    );
  const rest = { ...node };
  delete rest.loginIpRanges;
  return renderNode('Profile', ranges.length ? { ...rest, loginIpRanges: ranges } : rest);
};
