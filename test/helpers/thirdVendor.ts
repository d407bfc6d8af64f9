import fs from 'node:fs';
import path from 'node:path';
import { copyProject } from './projectCopy';
import { useProjectCopyAsCwd } from './projectCwd';

/** test/fixtures/third-vendor: a vendor added as data only (force-app/acme/ and its values file). */
export const THIRD_VENDOR_FIXTURE = path.join(__dirname, '..', 'fixtures', 'third-vendor');
/** test/fixtures/client-credentials-vendor: a client-credentials vendor added as data only (force-app/lumen/). */
export const CLIENT_CREDENTIALS_FIXTURE = path.join(__dirname, '..', 'fixtures', 'client-credentials-vendor');

/**
 * A copy of this project with a fixture vendor added the way docs/adding-a-vendor.md says: its
 * folder copied in, its package directory listed in sfdx-project.json and, when the fixture has
 * `sfdx-replacements.json`, those replacements added. No TypeScript changes.
 */
export const copyProjectWithVendor = (fixture: string, vendor: string): string => {
  const dir = copyProject();
  for (const part of ['force-app', 'config'])
    fs.cpSync(path.join(fixture, part), path.join(dir, part), { recursive: true });
  const projectFile = path.join(dir, 'sfdx-project.json');
  const project = JSON.parse(fs.readFileSync(projectFile, 'utf8')) as {
    packageDirectories: Array<{ path: string }>;
    replacements?: unknown[];
  };
  project.packageDirectories.push({ path: `force-app/${vendor}` });
  const replacements = path.join(fixture, 'sfdx-replacements.json');
  if (fs.existsSync(replacements))
    project.replacements = [
      ...(project.replacements ?? []),
      ...(JSON.parse(fs.readFileSync(replacements, 'utf8')) as unknown[]),
    ];
  fs.writeFileSync(projectFile, `${JSON.stringify(project, undefined, 2)}\n`);
  return dir;
};

export const copyProjectWithThirdVendor = (): string => copyProjectWithVendor(THIRD_VENDOR_FIXTURE, 'acme');

/** Like useProjectCopyAsCwd, with the third vendor added. */
export const useThirdVendorProjectAsCwd = (): (() => string) => useProjectCopyAsCwd(copyProjectWithThirdVendor);

/** Like useProjectCopyAsCwd, with the client-credentials vendor (lumen) added. */
export const useClientCredentialsProjectAsCwd = (): (() => string) =>
  useProjectCopyAsCwd(() => copyProjectWithVendor(CLIENT_CREDENTIALS_FIXTURE, 'lumen'));
