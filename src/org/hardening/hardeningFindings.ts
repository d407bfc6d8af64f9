import { sameRanges } from '../../metadata/checkHardenedProfile';
import type { HardeningPlan } from './planHardening';

export type HardeningFinding = { ok: boolean; warning?: boolean; what: string; detail?: string; fix?: string };

const list = (ranges: Array<{ start: string; end: string }>): string =>
  ranges.map((r) => (r.start === r.end ? r.start : `${r.start}-${r.end}`)).join(', ');

/**
 * What verify asserts for hardened mode, per vendor that offers it. On: the dedicated profile exists,
 * its login IP ranges equal the vendor's, and the integration user is on it. Off: the org holds no
 * such profile (turning the mode off moves the user back and removes it).
 */
export const hardeningFindings = (
  plans: Array<Omit<HardeningPlan, 'profileFile'>>,
  appEnforcesIp: Record<string, boolean>
): HardeningFinding[] =>
  plans.flatMap((h): HardeningFinding[] => {
    if (!h.on) {
      return h.orgProfile
        ? [
            {
              ok: false,
              what: `${h.vendor}: hardened mode is off, but the org still holds profile ${h.profileName}${
                h.moveUser === 'back' ? ` and ${h.username} is on it` : ''
              }`,
              fix: 'Run vendor-access deploy: it moves the user back and removes the profile.',
            },
          ]
        : [
            {
              ok: true,
              warning: true,
              what: `${h.vendor}: hardened mode is off: the integration user's credentials work from any address (vendor-access review explains the risk)`,
            },
          ];
    }
    const findings: HardeningFinding[] = [];
    if (!h.orgProfile)
      return [
        {
          ok: false,
          what: `${h.vendor}: hardened-mode profile ${h.profileName} is missing`,
          fix: 'Run vendor-access deploy.',
        },
      ];
    findings.push(
      sameRanges(h.orgRanges, h.vendorRanges)
        ? {
            ok: true,
            what: `${h.vendor}: profile ${h.profileName}'s login IP ranges equal the vendor's ${h.vendorRanges.length} range(s)`,
          }
        : {
            ok: false,
            what: `${h.vendor}: profile ${h.profileName}'s login IP ranges differ from the vendor's`,
            detail: `org: ${list(h.orgRanges) || '(none: any address)'}; vendor: ${list(h.vendorRanges)}`,
            fix: 'Run vendor-access deploy: the profile is deployed whole, its ranges replaced.',
          }
    );
    findings.push(
      h.userProfileId === undefined
        ? {
            ok: false,
            what: `${h.vendor}: integration user ${h.username} does not exist`,
            fix: 'Run vendor-access deploy.',
          }
        : h.userProfileId === h.orgProfile.id
        ? { ok: true, what: `${h.vendor}: ${h.username} is on profile ${h.profileName}` }
        : {
            ok: false,
            what: `${h.vendor}: ${h.username} is not on profile ${h.profileName}, so its logins are not limited to the vendor's ranges`,
            fix: 'Run vendor-access deploy: it moves the user.',
          }
    );
    const enforced = appEnforcesIp[h.vendor];
    if (enforced !== undefined) {
      findings.push(
        enforced
          ? {
              ok: true,
              what: `${h.vendor}: the External Client App enforces IP restrictions, so the profile's ranges bind its OAuth logins`,
            }
          : {
              ok: false,
              what: `${h.vendor}: the External Client App relaxes IP restrictions, so the profile's ranges do not bind its OAuth logins`,
              fix: 'Run vendor-access deploy: it sets IP Relaxation back to Enforce.',
            }
      );
    }
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
