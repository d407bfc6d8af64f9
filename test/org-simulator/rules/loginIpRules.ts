import type { OrgState, Row } from '../orgState';
import { rows } from '../orgState';
import { leaf, parseXml } from '../xml';
import { policiesOf } from './ecaRules';
import { addressValue } from './ipRangeRules';

/**
 * Profile login IP ranges, as Salesforce applies them (Help "Restrict Login IP Ranges in Profiles"):
 * a profile with ranges lets its users log in only from inside them. An OAuth app whose policy is
 * "Enforce IP restrictions" subjects its logins to them; "Relax IP restrictions" (Bypass) does not.
 * Error texts: the token endpoint answers `invalid_grant` / `ip restricted` (forceworkbench#772 and
 * vendors' help pages; LoginHistory then says "Restricted IP"); an existing session used from outside
 * when the org enforces login IP ranges on every request answers INVALID_SESSION_ID (HappySoup.io#214);
 * an app that relaxes IP restrictions is exempt from that too (Help "Continuous IP Enforcement" for
 * connected apps, as cited in salesforce-elf-browser#53; unverified for External Client Apps).
 */

/** Test-only request header naming the caller's address; without it the socket's address is used. */
export const CALLER_IP_HEADER = 'x-simulator-caller-ip';

export const rangesOfProfile = (state: OrgState, profileId: unknown): Array<{ start: string; end: string }> =>
  rows(state, 'LoginIpRange')
    .filter((r) => r.ProfileId === profileId)
    .map((r) => ({ start: String(r.StartAddress), end: String(r.EndAddress) }));

export const inRanges = (address: string, ranges: Array<{ start: string; end: string }>): boolean => {
  const a = addressValue(address.replace(/^::ffff:/, ''));
  if (!a) return false;
  return ranges.some((r) => {
    const [s, e] = [addressValue(r.start), addressValue(r.end)];
    return Boolean(s && e && s.family === a.family && s.value <= a.value && a.value <= e.value);
  });
};

/** True when the user's profile has login IP ranges and the address is outside all of them. */
export const outsideLoginRanges = (state: OrgState, user: Row, address: string): boolean => {
  const ranges = rangesOfProfile(state, user.ProfileId);
  return ranges.length > 0 && !inRanges(address, ranges);
};

/**
 * Whether the app's OAuth policy subjects logins to the user's login IP ranges. `Enforce` and
 * `Enforce_RelaxRefresh` do; `Bypass` and `Bypass_2factor` relax them. The org-created default is
 * Enforce (reference A.8.1), so an app without a policy record enforces too.
 */
export const appEnforcesIp = (state: OrgState, app: string): boolean => {
  const policy = policiesOf(state, 'ExtlClntAppOauthConfigurablePolicies', app)[0];
  const node = policy
    ? parseXml(state.components.get(`ExtlClntAppOauthConfigurablePolicies:${policy}`)?.xml ?? '').node
    : {};
  const type = leaf(node, 'ipRelaxationPolicyType') ?? 'Enforce';
  return type === 'Enforce' || type === 'Enforce_RelaxRefresh';
};

/** SessionSettings.enforceIpRangesEveryRequest ("Enforce login IP ranges on every request"). */
export const enforcesEveryRequest = (state: OrgState): boolean => {
  const held = state.components.get('Settings:Session');
  return held ? leaf(parseXml(held.xml).node, 'enforceIpRangesEveryRequest') === 'true' : false;
};
