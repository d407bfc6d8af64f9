import fs from 'node:fs';
import JSZip from 'jszip';
import { loadVendors } from '../../src/catalogue';
import { buildDeployWorkspace, WorkspacePlan } from '../../src/org/plan/deployWorkspace';
import { loadOrgValues } from '../../src/values';
import { PROJECT_ROOT } from '../helpers/projectCopy';

const zipFiles = async (zipPath: string): Promise<Record<string, string>> => {
  const zip = await JSZip.loadAsync(fs.readFileSync(zipPath));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.file(name);
    if (file) out[name] = await file.async('string');
  }
  return out;
};

const planFor = async (contactEmail: string): Promise<WorkspacePlan> => {
  const { vendors } = loadVendors(PROJECT_ROOT);
  const { values } = await loadOrgValues('config/orgs/example.json', vendors, {
    projectDir: PROJECT_ROOT,
    env: { ISPM_CONTACT_EMAIL: contactEmail },
  });
  if (!values) throw new Error('example values invalid');
  return {
    vendors,
    values: Object.values(values.vendors),
    extraPermissions: new Map([['ISPM_SFDC_integration_permission', ['ViewEventLogFiles']]]),
    trustedRanges: [
      { start: '198.51.100.0', end: '198.51.100.255', description: 'Head office' },
      { start: '18.98.16.160', end: '18.98.16.191', description: 'ISPM IP number 1' },
    ],
    renames: new Map([['ISPM_SFDC_Integration_oauthPlcy', 'ISPM_SFDC_Integration_oauth_defaultPolicy']]),
  };
};

describe('deploy workspace', () => {
  it('holds exactly what the org receives: merged ranges, org-resolved permissions, the org’s policy name', async () => {
    const ws = await buildDeployWorkspace(PROJECT_ROOT, await planFor('security-team@example.com'));
    try {
      const files = await zipFiles(ws.zipPath);
      expect(Object.keys(files)).toEqual([
        'externalClientApps/ISPM_SFDC_Integration.eca',
        'extlClntAppGlobalOauthSets/ISPM_SFDC_Integration_glbloauth.ecaGlblOauth',
        'extlClntAppOauthPolicies/ISPM_SFDC_Integration_oauth_defaultPolicy.ecaOauthPlcy',
        'extlClntAppOauthSettings/ISPM_SFDC_Integration_oauth.ecaOauth',
        'extlClntAppPolicies/ISPM_SFDC_Integration_plcy.ecaPlcy',
        'package.xml',
        'permissionsets/ISPM_SFDC_integration_permission.permissionset',
        'permissionsets/ISPM_Unauthorized_App_Detection.permissionset',
        'permissionsets/ISPM_Workload_Identities.permissionset',
        'permissionsets/Reco_Integration.permissionset',
        'settings/Event.settings',
        'settings/RealTimeEvent.settings',
        'settings/Security.settings',
      ]);
      expect(files['settings/Security.settings']).toContain('<description>Head office</description>');
      expect(files['settings/Security.settings']).not.toContain('ISPM IP number 2');
      expect(files['permissionsets/ISPM_SFDC_integration_permission.permissionset']).toContain(
        '<name>ViewEventLogFiles</name>'
      );
      expect(files['externalClientApps/ISPM_SFDC_Integration.eca']).toContain(
        '<contactEmail>security-team@example.com</contactEmail>'
      );
      expect(files['package.xml']).toContain('<members>ISPM_SFDC_Integration_oauth_defaultPolicy</members>');
      expect(ws.components.toArray().map((c) => `${c.type.name}:${c.fullName}`)).toContain('Settings:Security');
    } finally {
      ws.cleanup();
    }
    expect(process.env.ISPM_CONTACT_EMAIL).toBeUndefined();
  });

  it('keeps each org’s values apart when several orgs are prepared at once', async () => {
    const [a, b] = await Promise.all([
      planFor('org-a@example.com').then((p) => buildDeployWorkspace(PROJECT_ROOT, p)),
      planFor('org-b@example.com').then((p) => buildDeployWorkspace(PROJECT_ROOT, p)),
    ]);
    try {
      expect((await zipFiles(a.zipPath))['externalClientApps/ISPM_SFDC_Integration.eca']).toContain(
        'org-a@example.com'
      );
      expect((await zipFiles(b.zipPath))['externalClientApps/ISPM_SFDC_Integration.eca']).toContain(
        'org-b@example.com'
      );
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });
});
