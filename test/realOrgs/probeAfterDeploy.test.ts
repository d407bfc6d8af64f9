import path from 'node:path';
import { run, useSimulatedOrg } from '../helpers/simulatedOrg';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { loadShapeFile } from '../org-simulator';

// Issue 19, smaller: probe records the SetupEntityAccess rows of type ExternalClientApplication that
// pre-authorising by permission set leaves, so a real org settles whether a deploy creates them.
describe('probe after a deploy', () => {
  const project = useProjectCopyAsCwd();
  useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it('records the ExternalClientApplication grant of the pre-authorised permission set', async () => {
    expect((await run('deploy', '-o', 'prod', '--values', 'config/orgs/example.json', '--vendor', 'ispm')).code).toBe(
      0
    );
    expect((await run('probe', '-o', 'prod', '--output', 'out/probe/prod.json')).code).toBe(0);
    const shape = loadShapeFile(path.join(project(), 'out/probe/prod.json'));
    expect(shape.setupEntityAccess).toContainEqual({
      setupEntityType: 'ExternalClientApplication',
      rows: 1,
      permissionSets: ['ISPM_SFDC_integration_permission'],
    });
  });
});
