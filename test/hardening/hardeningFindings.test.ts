import { hardeningFindings } from '../../src/org/hardening';

type Plan = Parameters<typeof hardeningFindings>[0][number];

const USER = 'ispm.integration@example.com.vendoraccess';
const PROFILE = 'ISPM_Integration_Hardened';
const RANGE = { start: '18.98.16.160', end: '18.98.16.191' };
const on = (change: Partial<Plan> = {}, ...drop: Array<'orgProfile' | 'userProfileId'>): Plan => {
  const plan: Plan = {
    vendor: 'ispm',
    on: true,
    profileName: PROFILE,
    vendorRanges: [{ ...RANGE, description: 'ISPM IP number 1' }],
    orgProfile: { id: '00e000000000001', name: PROFILE, userLicenseId: '100000000000001' },
    orgRanges: [RANGE],
    username: USER,
    userProfileId: '00e000000000001',
    moveUser: 'none',
    removeProfile: false,
    ...change,
  };
  for (const key of drop) delete plan[key];
  return plan;
};

describe('hardening findings: each has its code, its text and (on a failure) its fix', () => {
  it('hardened mode on and as intended: three passes', () => {
    expect(hardeningFindings([on()], { ispm: true })).toEqual([
      {
        check: 'hardened mode ispm: profile',
        code: 'HardenedProfileRangesAsIntended',
        ok: true,
        what: `ispm: profile ${PROFILE}'s login IP ranges equal the vendor's 1 range(s)`,
      },
      {
        check: 'hardened mode ispm: user on profile',
        code: 'HardenedUserOnProfile',
        ok: true,
        what: `ispm: ${USER} is on profile ${PROFILE}`,
      },
      {
        check: 'hardened mode ispm: app enforces IP restrictions',
        code: 'AppEnforcesIpRestrictions',
        ok: true,
        what: "ispm: the External Client App enforces IP restrictions, so the profile's ranges bind its OAuth logins",
      },
    ]);
  });

  it('hardened mode on and drifted: ranges, user and app policy each fail with their fix', () => {
    expect(hardeningFindings([on({ orgRanges: [], userProfileId: '00e000000000002' })], { ispm: false })).toEqual([
      {
        check: 'hardened mode ispm: profile',
        code: 'HardenedProfileRangesDrifted',
        ok: false,
        what: `ispm: profile ${PROFILE}'s login IP ranges differ from the vendor's`,
        detail: 'org: (none: any address); vendor: 18.98.16.160-18.98.16.191',
        fix: 'Run vendor-access deploy: the profile is deployed whole, its ranges replaced.',
      },
      {
        check: 'hardened mode ispm: user on profile',
        code: 'HardenedUserNotOnProfile',
        ok: false,
        what: `ispm: ${USER} is not on profile ${PROFILE}, so its logins are not limited to the vendor's ranges`,
        fix: 'Run vendor-access deploy: it moves the user.',
      },
      {
        check: 'hardened mode ispm: app enforces IP restrictions',
        code: 'AppRelaxesIpRestrictions',
        ok: false,
        what: "ispm: the External Client App relaxes IP restrictions, so the profile's ranges do not bind its OAuth logins",
        fix: 'Run vendor-access deploy: it sets IP Relaxation back to Enforce.',
      },
    ]);
    expect(hardeningFindings([on({}, 'userProfileId')], {})).toContainEqual({
      check: 'hardened mode ispm: user on profile',
      code: 'HardenedUserMissing',
      ok: false,
      what: `ispm: integration user ${USER} does not exist`,
      fix: 'Run vendor-access deploy.',
    });
    expect(hardeningFindings([on({}, 'orgProfile')], { ispm: true })).toEqual([
      {
        check: 'hardened mode ispm: profile',
        code: 'HardenedProfileMissing',
        ok: false,
        what: `ispm: hardened-mode profile ${PROFILE} is missing`,
        fix: 'Run vendor-access deploy.',
      },
    ]);
  });

  it('hardened mode off: a warning, or what the org still holds', () => {
    expect(hardeningFindings([on({ on: false }, 'orgProfile')], {})).toEqual([
      {
        check: 'hardened mode ispm: profile',
        code: 'HardenedModeOff',
        ok: true,
        warning: true,
        what: "ispm: hardened mode is off: the integration user's credentials work from any address (vendor-access review explains the risk)",
      },
    ]);
    const fix = 'Run vendor-access deploy: it moves the user back and removes the profile.';
    expect(hardeningFindings([on({ on: false, removeProfile: true })], {})).toEqual([
      {
        check: 'hardened mode ispm: profile',
        code: 'HardenedModeOffProfileRemains',
        ok: false,
        what: `ispm: hardened mode is off, but the org still holds profile ${PROFILE}`,
        fix,
      },
    ]);
    expect(hardeningFindings([on({ on: false, moveUser: 'back', removeProfile: true })], {})).toEqual([
      {
        check: 'hardened mode ispm: profile',
        code: 'HardenedModeOffUserOnProfile',
        ok: false,
        what: `ispm: hardened mode is off, but the org still holds profile ${PROFILE} and ${USER} is on it`,
        fix,
      },
    ]);
  });
});
