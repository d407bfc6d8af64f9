import { ComponentSetBuilder } from '@salesforce/source-deploy-retrieve';
import { SfProject } from '@salesforce/core';
import { PROJECT_ROOT } from '../helpers/projectCopy';

describe('a raw sf project deploy of a vendor folder', () => {
  it('never sends the hardened-mode profile (.forceignore keeps **/hardened/** out)', async () => {
    SfProject.clearInstances();
    const set = await ComponentSetBuilder.build({
      sourcepath: [`${PROJECT_ROOT}/force-app/ispm`],
      projectDir: PROJECT_ROOT,
    });
    const members = set.toArray().map((c) => `${c.type.name}:${c.fullName}`);
    expect(members).toContain('PermissionSet:ISPM_SFDC_integration_permission');
    expect(members.filter((m) => m.startsWith('Profile:'))).toEqual([]);
  });
});
