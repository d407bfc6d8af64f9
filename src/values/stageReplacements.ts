import path from 'node:path';
import { writeOutputFile } from '../files';
import type { VendorValues } from './orgValues';

/**
 * Makes the values visible to SDR's `replacements`: sets the environment variables the
 * `replaceWithEnv` entries read, and writes each checked certificate to the fixed path a
 * `replaceWithFile` entry reads (sfdx-project.json cannot vary a file path per org). Both hold the
 * staged text loadOrgValues prepared (escaped, `$` doubled), never a user file's bytes. Nothing is
 * written into force-app/: replacements never touch source. Returns the environment to restore.
 */
export const stageReplacements = (
  projectDir: string,
  vendorValues: VendorValues[],
  env: NodeJS.ProcessEnv = process.env
): (() => void) => {
  const previous = new Map<string, string | undefined>();
  for (const values of vendorValues) {
    for (const [name, value] of Object.entries(values.env)) {
      if (!previous.has(name)) previous.set(name, env[name]);
      // eslint-disable-next-line no-param-reassign -- setting the given environment (process.env by default) is what this function is for
      env[name] = value;
    }
    for (const { to, content } of values.replacementFiles) {
      // Held to the output rule like every file vendor-access writes: sfdx-project.json names the
      // path, and an out/ linked into force-app must not receive a certificate copy.
      writeOutputFile(
        {
          label: 'the certificate staged for the replacements',
          given: to,
          absolute: path.resolve(projectDir, to),
          kind: 'file',
          existing: { replace: 'always' },
        },
        { projectDir },
        content
      );
    }
  }
  return () => {
    for (const [name, value] of previous) {
      // eslint-disable-next-line no-param-reassign -- restoring the environment this function changed
      if (value === undefined) delete env[name];
      // eslint-disable-next-line no-param-reassign -- restoring the environment this function changed
      else env[name] = value;
    }
  };
};

/** `export NAME='value'` lines for a shell, so a raw `sf project deploy start` sees the same values. */
export const formatEnvExports = (vendorValues: VendorValues[]): string[] =>
  vendorValues.flatMap((values) =>
    Object.entries(values.env).map(([name, value]) => `export ${name}='${value.replace(/'/g, "'\\''")}'`)
  );
