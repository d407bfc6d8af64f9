import { diagnoseGrantError } from '../../src/org/verify/jwtLogin';

// The token endpoint's answers (Salesforce's error_description texts; peers-and-pain-points §3.3).
describe('a refused JWT bearer login is named by why it was refused', () => {
  it.each([
    ['invalid_grant', "user hasn't approved this consumer", 'JwtNotPreAuthorized', /not pre-authorized/],
    ['invalid_grant', 'ip restricted', 'JwtIpRestricted', /outside the login IP ranges/],
    // The same comparison verify's hardened-mode check uses: any case.
    ['invalid_grant', 'IP Restricted', 'JwtIpRestricted', /outside the login IP ranges/],
    ['invalid_grant', 'audience is invalid', 'JwtAudienceWrong', /audience is wrong/],
    ['invalid_grant', 'invalid assertion', 'JwtSignatureMismatch', /signature does not match/],
    ['invalid_grant', 'expired authorization code', 'JwtExpired', /has expired/],
    ['invalid_grant', 'user is inactive', 'JwtUserUnknown', /unknown, inactive/],
    ['invalid_client_id', 'client identifier invalid', 'JwtConsumerKeyUnknown', /consumer key is unknown/],
    ['invalid_grant', 'something new', 'JwtRefused', /^The org refused the login \(invalid_grant: something new\)\.$/],
  ])('%s / %s → %s', (error, description, refusal, diagnosis) => {
    const d = diagnoseGrantError(error, description);
    expect(d.refusal).toBe(refusal);
    expect(d.diagnosis).toMatch(diagnosis);
    expect(d.fix).toMatch(/\S/);
    expect(`${d.diagnosis} ${d.fix}`).not.toMatch(/%s/);
  });
});
