import { sandboxNames } from '../../src/org/read/readOrgFacts';

describe('the names a sandbox goes by, for users copied from production', () => {
  it.each([
    ['https://acme--uat.sandbox.my.salesforce.com', 'admin@acme.com.uat', ['uat']],
    ['https://acme--uat.sandbox.my.salesforce.com', 'admin@acme.com', ['uat']],
    ['https://cs42.salesforce.com', 'admin@acme.com.qa', ['qa']],
    ['https://acme.my.salesforce.com', 'admin@acme.com', []],
    // A plain domain is no copy: "com" after a domain-like label is the TLD, not a sandbox name.
    ['https://acme.my.salesforce.com', 'admin@sim.example.com', []],
    ['https://cs42.salesforce.com', 'admin@acme.com.dev', ['dev']],
  ])('%s as %s', (url, user, names) => {
    expect(sandboxNames(url, user)).toEqual(names);
  });
});
