import fs from 'node:fs';
import path from 'node:path';
import { MAX_COMMENT_CHARS, reviewProject } from '../../src/review';
import { run } from '../helpers/simulatedOrg';
import { copyProject, editFile, PROJECT_ROOT, removeProject } from '../helpers/projectCopy';
import { git } from '../helpers/git';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';

const GOLDEN = path.join(__dirname, '..', 'fixtures', 'review');

describe('vendor-access review: golden reports', () => {
  // Regenerate on purpose: UPDATE_GOLDEN=1 npx jest test/review
  it.each(['ispm', 'reco'])('%s matches the committed review byte for byte', (vendor) => {
    const { markdown } = reviewProject(PROJECT_ROOT, { vendors: [vendor] });
    const file = path.join(GOLDEN, `${vendor}.md`);
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, markdown);
    expect(markdown).toBe(fs.readFileSync(file, 'utf8'));
  });

  it('shows the implied tier-0 permissions loudly, never hidden', () => {
    const { markdown } = reviewProject(PROJECT_ROOT, { vendors: ['ispm'] });
    expect(markdown).toContain(
      '> - On ISPM_SFDC_integration_permission, Manage MFA in API (ManageTwoFactor, asked by the guide) implies 4 tier 0-1 permission(s) the guide does not ask for: Assign Permission Sets (AssignPermissionSets, tier 0, through Manage Users); Manage Internal Users (ManageInternalUsers, tier 0, through Manage Users); Manage Profiles and Permission Sets (ManageProfilesPermissionsets, tier 0, through Manage Users); Manage Users (ManageUsers, tier 0).'
    );
    expect(markdown).toContain(
      '| Reset User Passwords and Unlock Users | `ResetPasswords` | required by Manage Users, which Manage MFA in API brings in | 2 |'
    );
    expect(markdown).toContain('- Tier 0: can take over the org');
    expect(markdown.length).toBeLessThan(MAX_COMMENT_CHARS);
  });
});

describe('vendor-access review --base on a git repository', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyProject();
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'base');
  });
  afterEach(() => removeProject(dir));

  it('puts a real permission change up top, with its tier and what implies it', () => {
    const PS = 'force-app/ispm/main/default/permissionsets/ISPM_Unauthorized_App_Detection.permissionset-meta.xml';
    // A reviewer adds Modify All Data, with the requirements a deploy would need.
    editFile(
      dir,
      PS,
      '    <userPermissions>\n        <enabled>true</enabled>\n        <name>CustomizeApplication</name>',
      '    <userPermissions>\n        <enabled>true</enabled>\n        <name>ModifyAllData</name>\n    </userPermissions>\n    <userPermissions>\n        <enabled>true</enabled>\n        <name>CustomizeApplication</name>'
    );
    editFile(
      dir,
      'force-app/ispm/vendor.json',
      '"ISPM_Unauthorized_App_Detection": [\n      "CustomizeApplication"\n    ]',
      '"ISPM_Unauthorized_App_Detection": [\n      "CustomizeApplication",\n      "ModifyAllData"\n    ]'
    );
    git(dir, 'commit', '-qam', 'more power');
    const review = reviewProject(dir, { vendors: ['all'], base: 'HEAD~1' });
    expect(review.changes?.map((c) => `${c.sign} ${c.text}`)).toEqual([
      '+ Modify All Data (ModifyAllData) on ISPM_Unauthorized_App_Detection (tier 0)',
    ]);
    expect(review.markdown).toContain('### Changes since `HEAD~1` (1)');
    expect(review.markdown).toContain(
      '- **+ Modify All Data (ModifyAllData) on ISPM_Unauthorized_App_Detection (tier 0)**'
    );
  });

  it('reports each implied permission with what implies it, from an uncommitted working tree', () => {
    const PS = 'force-app/ispm/main/default/permissionsets/ISPM_SFDC_integration_permission.permissionset-meta.xml';
    const block = (n: string): string =>
      `    <userPermissions>\n        <enabled>true</enabled>\n        <name>${n}</name>\n    </userPermissions>\n`;
    // Base without Manage MFA in API and what it implies; head adds them back (the working tree, uncommitted).
    const implied = [
      'ManageTwoFactor',
      'ManageUsers',
      'ResetPasswords',
      'ViewAllUsers',
      'FreezeUsers',
      'ManageProfilesPermissionsets',
      'AssignPermissionSets',
      'ManageRoles',
      'ManageIpAddresses',
      'ManageSharing',
      'MonitorLoginHistory',
      'ManageInternalUsers',
      'ManagePasswordPolicies',
      'ManageLoginAccessPolicies',
      'DelegatedTwoFactor',
    ];
    const full = fs.readFileSync(path.join(dir, PS), 'utf8');
    fs.writeFileSync(
      path.join(dir, PS),
      implied.reduce((text, n) => text.replace(block(n), ''), full)
    );
    editFile(dir, 'force-app/ispm/vendor.json', '      "ManageTwoFactor",\n', '');
    git(dir, 'commit', '-qam', 'without MFA');
    fs.writeFileSync(path.join(dir, PS), full);
    editFile(
      dir,
      'force-app/ispm/vendor.json',
      '      "ViewAllData",\n',
      '      "ViewAllData",\n      "ManageTwoFactor",\n'
    );
    const review = reviewProject(dir, { vendors: ['ispm'], base: 'HEAD' });
    const lines = review.changes?.map((c) => `${c.sign} ${c.text}`) ?? [];
    expect(lines).toContain(
      '+ Manage Users (ManageUsers) on ISPM_SFDC_integration_permission (tier 0, implied by Manage MFA in API)'
    );
    expect(lines).toContain('+ Manage MFA in API (ManageTwoFactor) on ISPM_SFDC_integration_permission (tier 2)');
    expect(lines).toHaveLength(15);
  });

  it('says how to fetch an unknown base on a shallow checkout', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const { code, out } = await run('review', '--base', 'origin/nope');
      expect(code).toBe(1);
      expect(out).toContain('Error (BaseRevisionNotFoundError): Git does not know the revision "origin/nope" here.');
      expect(out).toContain('git fetch --depth=1 origin origin/nope');
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('vendor-access review (CLI)', () => {
  useProjectCopyAsCwd();
  it('prints JSON for machines', async () => {
    const { code, io } = await run('review', '--format', 'json', '--vendor', 'reco');
    expect(code).toBe(0);
    const envelope = JSON.parse(io.out.join('')) as {
      status: number;
      warnings: string[];
      result: { vendors: Array<{ vendor: string; permissionSets: Array<{ name: string }> }> };
    };
    expect(envelope).toMatchObject({ status: 0, warnings: [] });
    const model = envelope.result;
    expect(model.vendors.map((v) => v.permissionSets.map((s) => s.name))).toEqual([['Reco_Integration']]);
  });

  it.each([[['nope']], [['all', 'nope']]])(
    'refuses --vendor %j (no empty review that passes), listing the vendors',
    async (names) => {
      const { code, out } = await run('review', ...names.flatMap((n) => ['--vendor', n]));
      expect(code).toBe(1);
      expect(out).toContain('ERROR command line [--vendor]: "nope" is not a vendor of this project');
      expect(out).toMatch(/ispm, reco/);
      expect(out).not.toContain('# ');
    }
  );
});
