import { sameRanges } from '../../metadata';
import { Finding, findingsFrom, forCheck } from '../findings';
import type { HardeningPlan } from './planHardening';

const finding = findingsFrom('verify');

const list = (ranges: Array<{ start: string; end: string }>): string =>
  ranges.map((r) => (r.start === r.end ? r.start : `${r.start}-${r.end}`)).join(', ');

/** Hardened mode off: the org should hold no hardened profile (a warning that the mode is off, else what remains). */
const offFindings = (h: Omit<HardeningPlan, 'profileFile'>): Finding[] => {
  const check = `hardened mode ${h.vendor}: profile`;
  if (!h.orgProfile) return [forCheck(check, finding.warn('HardenedModeOff', [h.vendor]))];
  return [
    forCheck(
      check,
      h.moveUser === 'back'
        ? finding.fail('HardenedModeOffUserOnProfile', [h.vendor, h.profileName, h.username])
        : finding.fail('HardenedModeOffProfileRemains', [h.vendor, h.profileName])
    ),
  ];
};

/**
 * What verify asserts for hardened mode, per vendor that offers it. On: the dedicated profile exists,
 * its login IP ranges equal the vendor's, and the integration user is on it. Off: the org holds no
 * such profile (turning the mode off moves the user back and removes it).
 */
export const hardeningFindings = (
  plans: Array<Omit<HardeningPlan, 'profileFile'>>,
  appEnforcesIp: Record<string, boolean>
): Finding[] =>
  plans.flatMap((h): Finding[] => {
    if (!h.on) return offFindings(h);
    const check = `hardened mode ${h.vendor}`;
    if (!h.orgProfile)
      return [forCheck(`${check}: profile`, finding.fail('HardenedProfileMissing', [h.vendor, h.profileName]))];
    const findings: Finding[] = [
      forCheck(
        `${check}: profile`,
        sameRanges(h.orgRanges, h.vendorRanges)
          ? finding.pass('HardenedProfileRangesAsIntended', [h.vendor, h.profileName, h.vendorRanges.length])
          : finding.fail(
              'HardenedProfileRangesDrifted',
              [h.vendor, h.profileName],
              [],
              `org: ${list(h.orgRanges) || '(none: any address)'}; vendor: ${list(h.vendorRanges)}`
            )
      ),
      forCheck(
        `${check}: user on profile`,
        h.userProfileId === undefined
          ? finding.fail('HardenedUserMissing', [h.vendor, h.username])
          : h.userProfileId === h.orgProfile.id
          ? finding.pass('HardenedUserOnProfile', [h.vendor, h.username, h.profileName])
          : finding.fail('HardenedUserNotOnProfile', [h.vendor, h.username, h.profileName])
      ),
    ];
    const enforced = appEnforcesIp[h.vendor];
    if (enforced !== undefined)
      findings.push(
        forCheck(
          `${check}: app enforces IP restrictions`,
          enforced
            ? finding.pass('AppEnforcesIpRestrictions', [h.vendor])
            : finding.fail('AppRelaxesIpRestrictions', [h.vendor])
        )
      );
    return findings;
  });

/** Plan lines for hardened mode: the user moves and the profile removal (the profile itself is a component). */
export const hardeningChanges = (plans: Array<Omit<HardeningPlan, 'profileFile'>>, creating: Set<string>): string[] =>
  plans.flatMap((h) => [
    ...(h.moveUser === 'toHardened'
      ? [
          creating.has(h.username)
            ? `the new user ${h.username} goes on profile ${h.profileName} (hardened mode)`
            : `move ${h.username} to profile ${h.profileName} (hardened mode)`,
        ]
      : []),
    ...(h.moveUser === 'back' ? [`move ${h.username} back to its licence's profile (hardened mode off)`] : []),
    ...(h.removeProfile ? [`remove profile ${h.profileName} (hardened mode off)`] : []),
  ]);
