import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { loadVendors } from '../../src/catalogue';
import { checkVendors, CheckResult } from '../../src/check';
import { copyProject, removeProject } from '../helpers/projectCopy';

const hashTree = (dir: string): string =>
  execFileSync('sh', ['-c', `cd "${dir}" && find . -type f | sort | xargs sha256sum`]).toString();

describe('check on the example values', () => {
  let dir: string;
  let result: CheckResult;
  let forceAppBefore: string;

  beforeAll(async () => {
    dir = copyProject();
    forceAppBefore = hashTree(path.join(dir, 'force-app'));
    result = await checkVendors({ projectDir: dir, vendors: ['all'], valuesFile: 'config/orgs/example.json', env: {} });
  });
  afterAll(() => removeProject(dir));

  it('writes exactly the package, manifest, metadata and review of each vendor', () => {
    const all = execFileSync('sh', ['-c', `cd "${dir}/out" && find . -type f | sort`])
      .toString()
      .trim()
      .split('\n');
    // Every vendor of the catalogue gets its folder; the shipped two are checked file by file.
    const names = loadVendors(dir).vendors.map((v) => v.name);
    expect([...new Set(all.map((f) => f.split('/')[1]))].sort()).toEqual([...names, 'replacements'].sort());
    for (const name of names)
      for (const file of [`${name}.zip`, 'package.xml', 'review.md', 'metadata/package.xml'])
        expect(all).toContain(`./${name}/${file}`);
    const files = all.filter((f) => /^\.\/(ispm|reco|replacements)\//.test(f));
    expect(files).toEqual([
      './ispm/ispm.zip',
      './ispm/metadata/externalClientApps/ISPM_SFDC_Integration.eca',
      './ispm/metadata/extlClntAppGlobalOauthSets/ISPM_SFDC_Integration_glbloauth.ecaGlblOauth',
      './ispm/metadata/extlClntAppOauthPolicies/ISPM_SFDC_Integration_oauthPlcy.ecaOauthPlcy',
      './ispm/metadata/extlClntAppOauthSettings/ISPM_SFDC_Integration_oauth.ecaOauth',
      './ispm/metadata/extlClntAppPolicies/ISPM_SFDC_Integration_plcy.ecaPlcy',
      './ispm/metadata/package.xml',
      './ispm/metadata/permissionsets/ISPM_SFDC_integration_permission.permissionset',
      './ispm/metadata/permissionsets/ISPM_Unauthorized_App_Detection.permissionset',
      './ispm/metadata/permissionsets/ISPM_Workload_Identities.permissionset',
      './ispm/package.xml',
      './ispm/review.md',
      './reco/metadata/package.xml',
      './reco/metadata/permissionsets/Reco_Integration.permissionset',
      './reco/metadata/settings/Event.settings',
      './reco/metadata/settings/RealTimeEvent.settings',
      './reco/package.xml',
      './reco/reco.zip',
      './reco/review.md',
      './replacements/ispm/server.crt',
    ]);
  });

  it('lists every component, and keeps trusted ranges out of the package (they are merged at deploy)', () => {
    expect(result.vendors.map((v) => v.name)).toEqual(loadVendors(dir).vendors.map((v) => v.name));
    expect(result.vendors.filter((v) => ['ispm', 'reco'].includes(v.name)).map((v) => [v.name, v.components])).toEqual([
      [
        'ispm',
        [
          'ExternalClientApplication:ISPM_SFDC_Integration',
          'ExtlClntAppConfigurablePolicies:ISPM_SFDC_Integration_plcy',
          'ExtlClntAppGlobalOauthSettings:ISPM_SFDC_Integration_glbloauth',
          'ExtlClntAppOauthConfigurablePolicies:ISPM_SFDC_Integration_oauthPlcy',
          'ExtlClntAppOauthSettings:ISPM_SFDC_Integration_oauth',
          'PermissionSet:ISPM_SFDC_integration_permission',
          'PermissionSet:ISPM_Unauthorized_App_Detection',
          'PermissionSet:ISPM_Workload_Identities',
        ],
      ],
      ['reco', ['PermissionSet:Reco_Integration', 'Settings:Event', 'Settings:RealTimeEvent']],
    ]);
    const manifest = fs.readFileSync(path.join(dir, 'out/reco/package.xml'), 'utf8');
    expect(manifest).toContain(
      '<members>Event</members>\n        <members>RealTimeEvent</members>\n        <name>Settings</name>'
    );
    expect(manifest).not.toContain('<members>Security</members>');
    expect(manifest).toContain('<version>64.0</version>');
  });

  it('applies every replacement and leaves no placeholder or key material in what an org would receive', () => {
    for (const vendor of loadVendors(dir).vendors.map((v) => v.name)) {
      const all = execFileSync('sh', [
        '-c',
        `cd "${dir}/out/${vendor}/metadata" && cat $(find . -type f | sort)`,
      ]).toString();
      expect(all).not.toMatch(/__[A-Z0-9_]+__/);
      expect(all).not.toContain('PRIVATE KEY');
    }
    const eca = fs.readFileSync(
      path.join(dir, 'out/ispm/metadata/externalClientApps/ISPM_SFDC_Integration.eca'),
      'utf8'
    );
    expect(eca).toContain('<contactEmail>security-team@example.com</contactEmail>');
  });

  it('writes a zip holding the same files as the readable copy', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'out/reco/reco.zip')));
    const names = Object.keys(zip.files)
      .filter((n) => !zip.files[n]?.dir)
      .sort();
    expect(names).toEqual([
      'package.xml',
      'permissionsets/Reco_Integration.permissionset',
      'settings/Event.settings',
      'settings/RealTimeEvent.settings',
    ]);
    const fromZip = await zip.file('permissionsets/Reco_Integration.permissionset')?.async('string');
    expect(fromZip).toBe(
      fs.readFileSync(path.join(dir, 'out/reco/metadata/permissionsets/Reco_Integration.permissionset'), 'utf8')
    );
    // A package.xml with a <fullName> deploys as a named unmanaged package; this one must not.
    const manifest = await zip.file('package.xml')?.async('string');
    expect(manifest).toBe(fs.readFileSync(path.join(dir, 'out/reco/package.xml'), 'utf8'));
    expect(manifest).not.toContain('<fullName>');
  });

  it('never writes into force-app and restores the environment it set for the replacements', () => {
    expect(hashTree(path.join(dir, 'force-app'))).toBe(forceAppBefore);
    expect(process.env.ISPM_CONTACT_EMAIL).toBeUndefined();
  });

  it('reports what only the org can settle', () => {
    const reco = result.vendors.find((v) => v.name === 'reco');
    expect(reco?.needsOrg.join('\n')).toContain('"View Event Log Object Data" is resolved from the org at deploy time');
  });

  it('explains in the review that Manage MFA in API pulls in Manage Users (tier 0)', () => {
    const review = fs.readFileSync(path.join(dir, 'out/ispm/review.md'), 'utf8');
    expect(review).toContain(
      '> - On ISPM_SFDC_integration_permission, Manage MFA in API (ManageTwoFactor, asked by the guide) implies 4 tier 0-1 permission(s) the guide does not ask for: Assign Permission Sets (AssignPermissionSets, tier 0, through Manage Users); Manage Internal Users (ManageInternalUsers, tier 0, through Manage Users); Manage Profiles and Permission Sets (ManageProfilesPermissionsets, tier 0, through Manage Users); Manage Users (ManageUsers, tier 0).'
    );
    expect(review).toContain(
      '| Manage Users | `ManageUsers` | required by Manage MFA in API (asked by the guide) | **0** |'
    );
  });
});
