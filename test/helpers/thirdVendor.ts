import fs from 'node:fs';
import path from 'node:path';
import { copyProject } from './projectCopy';
import { useProjectCopyAsCwd } from './projectCwd';

/** test/fixtures/third-vendor: a vendor added as data only (force-app/acme/ and its values file). */
export const THIRD_VENDOR_FIXTURE = path.join(__dirname, '..', 'fixtures', 'third-vendor');

/**
 * A copy of this project with the synthetic third vendor added the way the README's "Adding a
 * vendor" says: its folder copied in and its package directory listed in sfdx-project.json. No
 * TypeScript changes.
 */
export const copyProjectWithThirdVendor = (): string => {
  const dir = copyProject();
  for (const part of ['force-app', 'config'])
    fs.cpSync(path.join(THIRD_VENDOR_FIXTURE, part), path.join(dir, part), { recursive: true });
  const projectFile = path.join(dir, 'sfdx-project.json');
  const project = JSON.parse(fs.readFileSync(projectFile, 'utf8')) as { packageDirectories: Array<{ path: string }> };
  project.packageDirectories.push({ path: 'force-app/acme' });
  fs.writeFileSync(projectFile, `${JSON.stringify(project, undefined, 2)}\n`);
  return dir;
};

/** Like useProjectCopyAsCwd, with the third vendor added. */
export const useThirdVendorProjectAsCwd = (): (() => string) => useProjectCopyAsCwd(copyProjectWithThirdVendor);
