import fs from 'node:fs';
import path from 'node:path';
import { run, useSimulatedOrg } from '../helpers/simulatedOrg';
import { deployStaged } from '../helpers/deployStaged';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { builtInShape } from '../org-simulator/shapes';
import type { OrgShape } from '../org-simulator';
import { failures } from '../org-simulator/deploySource';

// Issue 19 item 1: a Developer Edition org has View Event Log Files without Shield, lists no
// PermissionDependency edge for View All Data, and still refuses View All Data without it.
const VALUES = ['--values', 'config/orgs/example.json'];
const ISPM_SET = 'force-app/main/default/permissionsets/ISPM_SFDC_integration_permission.permissionset-meta.xml';
const developer = (): OrgShape => builtInShape('developer') as OrgShape;

describe('View All Data in a Developer Edition org (no Shield, no PermissionDependency edge)', () => {
  const project = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('dev', () => ({ shape: 'developer' }));

  it('plan says View Event Log Files comes from the org’s own answer (its describe), not its PermissionDependency', async () => {
    expect(developer().dependencies.ViewAllData).toBeUndefined();
    const { out } = await run('plan', '-o', 'dev', ...VALUES, '--vendor', 'ispm');
    expect(out).toContain(
      'ViewAllData requires ViewEventLogFiles (View Event Log Files) in this org (the org has it and Setup adds it with ViewAllData); added.'
    );
  });

  it('deploy adds View Event Log Files because the org has it, and the deploy is accepted', async () => {
    const { code, out } = await run('deploy', '-o', 'dev', ...VALUES, '--vendor', 'ispm');
    expect(out).toContain('(the org has it and Setup adds it with ViewAllData); added.');
    expect(code).toBe(0);
    const held = sim().state.components.get('PermissionSet:ISPM_SFDC_integration_permission')?.xml ?? '';
    expect(held).toContain('<name>ViewEventLogFiles</name>');
  });

  it('stage writes the set with it, and a raw SDR deploy of the staged folder is accepted', async () => {
    const { code } = await run('stage', '-o', 'dev', ...VALUES, '--vendor', 'ispm', '--output-dir', 'out/stage/dev');
    expect(code).toBe(0);
    const dir = path.join(project(), 'out/stage/dev');
    expect(fs.readFileSync(path.join(dir, ISPM_SET), 'utf8')).toContain('<name>ViewEventLogFiles</name>');
    const result = await deployStaged(sim(), dir);
    expect(failures(result)).toEqual([]);
  });

  it('the simulated org refuses the committed set (no View Event Log Files) with the text a real org gave', async () => {
    const result = await deployStaged(sim(), project(), 'force-app/ispm/main/default/permissionsets');
    expect(failures(result)).toContainEqual(
      expect.stringContaining('Permission ViewAllData depends on permission(s): ViewEventLogFiles')
    );
  });
});

describe('a refusal naming permissions no source lists', () => {
  useProjectCopyAsCwd();
  // A rule neither PermissionDependency nor the catalogue knows: only the deploy's error shows it.
  const hidden = (): OrgShape => ({
    ...developer(),
    deployRequires: {
      ViewAllData: ['ViewSetup', 'ViewEventLogFiles', 'ViewPublicDashboards', 'ViewPublicReports', 'ViewHealthCheck'],
    },
  });
  const sim = useSimulatedOrg('dev', () => ({ shape: hidden() }));

  it('deploy reads the names from the error, says so, and offers the corrected set; nothing is saved', async () => {
    const { code, out } = await run('deploy', '-o', 'dev', ...VALUES, '--vendor', 'ispm');
    expect(code).toBe(1);
    expect(out).toContain(
      "ISPM_SFDC_integration_permission: the org refused ViewAllData without ViewHealthCheck, which its PermissionDependency does not list (read from the deploy's error). Nothing of this deploy was saved."
    );
    expect(out).toContain('Deploy again with --add-required-permissions');
    expect(sim().state.components.get('PermissionSet:ISPM_SFDC_integration_permission')).toBeUndefined();
  });

  it('with --add-required-permissions it adds them, names each, and the deploy is accepted', async () => {
    const { code, out } = await run('deploy', '-o', 'dev', ...VALUES, '--vendor', 'ispm', '--add-required-permissions');
    expect(out).toContain(
      'ISPM_SFDC_integration_permission: the org refused ViewAllData without ViewHealthCheck (its deploy error; its PermissionDependency does not list them); added and deployed again.'
    );
    expect(code).toBe(0);
    const held = sim().state.components.get('PermissionSet:ISPM_SFDC_integration_permission')?.xml ?? '';
    expect(held).toContain('<name>ViewHealthCheck</name>');
  });
});
