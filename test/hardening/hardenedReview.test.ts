import fs from 'node:fs';
import path from 'node:path';
import { checkVendors } from '../../src/check';
import { copyProject, removeProject, setJson } from '../helpers/projectCopy';

const reviewOf = async (
  hardening: boolean | undefined
): Promise<{ ispm: string; reco: string; needsOrg: string[] }> => {
  const dir = copyProject();
  try {
    if (hardening !== undefined)
      setJson(dir, 'config/orgs/example.json', 'vendors.ispm.hardening', { restrictLoginToVendorRanges: hardening });
    const result = await checkVendors({
      projectDir: dir,
      vendors: ['all'],
      valuesFile: 'config/orgs/example.json',
      env: {},
    });
    expect(result.ok).toBe(true);
    const read = (vendor: string): string => fs.readFileSync(path.join(dir, 'out', vendor, 'review.md'), 'utf8');
    return {
      ispm: read('ispm'),
      reco: read('reco'),
      needsOrg: result.vendors.find((v) => v.name === 'ispm')?.needsOrg ?? [],
    };
  } finally {
    removeProject(dir);
  }
};

describe('the review says, per vendor, which addresses can use its credentials', () => {
  it('hardened mode on: only ISPM’s ranges, with the risk that remains', async () => {
    const { ispm, needsOrg } = await reviewOf(true);
    expect(ispm).toContain('Hardened mode: on.');
    expect(ispm).toContain("Addresses: only ISPM's 9 range(s) (18.98.16.160-18.98.16.191, 3.44.64.96-3.44.64.127");
    expect(ispm).toContain('profile ISPM_Integration_Hardened');
    expect(ispm).toContain(
      '- An access token issued inside the ranges keeps working from other addresses until it expires, unless the org enforces login IP ranges on every request'
    );
    expect(ispm).toContain(
      'profile ISPM_Integration_Hardened (hardened mode: a custom profile on the Salesforce licence that grants nothing itself)'
    );
    expect(needsOrg.join('\n')).toContain(
      'hardened mode: force-app/ispm/hardened/profiles/ISPM_Integration_Hardened.profile-meta.xml is sent by vendor-access deploy only'
    );
  });

  it('hardened mode off: any address, and how to narrow it', async () => {
    const { ispm, reco } = await reviewOf(false);
    expect(ispm).toContain('Hardened mode: off.');
    expect(ispm).toContain(
      'Addresses: any address: a stolen private key (with the consumer key and username) or token works from anywhere.'
    );
    expect(ispm).toContain(
      "- Hardened mode (vendors.ispm.hardening.restrictLoginToVendorRanges: true) would limit them to ISPM's ranges."
    );
    expect(reco).toContain(
      "Hardened mode: not offered. Reco's consent is given interactively, from the customer's browser"
    );
    expect(reco).toContain('Addresses: any address: a stolen token works from anywhere.');
  });
});
