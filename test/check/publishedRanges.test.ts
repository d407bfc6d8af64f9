import { checkVendors } from '../../src/check';
import { copyProject, editFile, removeProject } from '../helpers/projectCopy';

describe('a bad entry in vendor.json trustedRanges.published', () => {
  it('is named by its index, and the correct ranges in the range file are not blamed', async () => {
    const dir = copyProject();
    try {
      editFile(dir, 'force-app/ispm/vendor.json', '"13.52.68.184",', '"13.52.68.184/33",');
      const result = await checkVendors({
        projectDir: dir,
        vendors: ['ispm'],
        valuesFile: 'config/orgs/example.json',
        env: {},
      });
      const ranges = result.problems.filter((p) => /trustedRanges|Security\.settings/.test(`${p.file} ${p.field}`));
      expect(ranges).toEqual([
        expect.objectContaining({ file: 'force-app/ispm/vendor.json', field: 'trustedRanges.published[3]' }),
      ]);
    } finally {
      removeProject(dir);
    }
  });
});
