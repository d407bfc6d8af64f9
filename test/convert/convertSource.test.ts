import { workspaceForceignore } from '../../src/org/plan/deployWorkspace';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { run, useSimulatedOrg } from '../helpers/simulatedOrg';

const VALUES = ['--values', 'config/orgs/example.json'];

describe('one conversion path leaves process.env as it found it', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));
  const before = { ...process.env };
  afterEach(() => {
    delete process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT;
  });

  it("after check, plan and deploy: no replacement variable is left set, SDR's switch is back to its value", async () => {
    process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT = 'false';
    expect((await run('check', ...VALUES)).code).toBe(0);
    expect((await run('plan', '-o', 'prod', ...VALUES)).code).toBe(0);
    expect((await run('deploy', '-o', 'prod', ...VALUES)).code).toBe(0);
    expect(sim().state.components.get('ExternalClientApplication:ISPM_SFDC_Integration')?.xml).toContain(
      '<contactEmail>'
    );
    expect(process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT).toBe('false');
    expect(process.env.ISPM_CONTACT_EMAIL).toBe(before.ISPM_CONTACT_EMAIL);
    expect(Object.keys(process.env).filter((k) => !(k in before) && k !== 'SF_APPLY_REPLACEMENTS_ON_CONVERT')).toEqual(
      []
    );
  });
});

describe('the deploy workspace .forceignore is generated from the project one', () => {
  const vendors = [{ relDir: 'force-app/ispm' }, { relDir: 'force-app/reco' }] as Parameters<
    typeof workspaceForceignore
  >[1];
  const project = '# keys\n**/*.key\n**/settings/Security.settings-meta.xml\n**/hardened/**\n';

  it('keeps every rule, and scopes the trusted-range rule to the vendor folders only where the merged list is sent', () => {
    expect(workspaceForceignore(project, vendors, true)).toBe(
      '# keys\n**/*.key\nforce-app/ispm/**/settings/Security.settings-meta.xml\nforce-app/reco/**/settings/Security.settings-meta.xml\n**/hardened/**\n'
    );
    expect(workspaceForceignore(project, vendors, false)).toBe(project);
  });

  it('adds the scoped rules when the project lacks the catch-all', () => {
    expect(workspaceForceignore('**/*.key\n', vendors, true)).toBe(
      '**/*.key\nforce-app/ispm/**/settings/Security.settings-meta.xml\nforce-app/reco/**/settings/Security.settings-meta.xml\n'
    );
  });
});
