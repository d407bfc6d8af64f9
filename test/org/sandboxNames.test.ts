import { sandboxNames } from '../../src/org/read/readOrgFacts';

describe('the names a sandbox goes by, for users copied from production', () => {
  it.each([
    ['https://acme--uat.sandbox.my.salesforce.com', 'admin@acme.com.uat', ['uat']],
    ['https://acme--uat.sandbox.my.salesforce.com', 'admin@acme.com', ['uat']],
    ['https://cs42.salesforce.com', 'admin@acme.com.qa', ['qa']],
    ['https://acme.my.salesforce.com', 'admin@acme.com', []],
  ])('%s as %s', (url, user, names) => {
    expect(sandboxNames(url, user)).toEqual(names);
  });
});
