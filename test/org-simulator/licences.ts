import { OrgState, Row, rows } from './orgState';
import { RestError } from './soql';

/** The user licence a profile belongs to. */
export const licenceOfProfile = (state: OrgState, profileId: unknown): Row | undefined => {
  const profile = rows(state, 'Profile').find((p) => p.Id === profileId);
  return rows(state, 'UserLicense').find((l) => l.Id === profile?.UserLicenseId);
};

/**
 * Takes one seat of a user or permission set licence (`label` is its name), refused as an org
 * refuses it when none is left.
 */
export const takeSeat = (licence: Row, label: unknown): void => {
  if (Number(licence.UsedLicenses) >= Number(licence.TotalLicenses))
    throw new RestError(
      400,
      'LICENSE_LIMIT_EXCEEDED',
      `License Limit Exceeded: no ${String(label)} licenses are available`
    );
  // eslint-disable-next-line no-param-reassign -- the licence row is the org's state; taking a seat changes it
  licence.UsedLicenses = Number(licence.UsedLicenses) + 1;
};
