import fs from 'node:fs';
import path from 'node:path';
import type { VendorValues } from './orgValues';

/**
 * Makes the values visible to SDR's `replacements`: sets the environment variables the
 * `replaceWithEnv` entries read, and copies each certificate to the fixed path a `replaceWithFile`
 * entry reads (sfdx-project.json cannot vary a file path per org). Nothing is written into
 * force-app/: replacements never touch source. Returns the environment to restore afterwards.
 */
export const stageReplacements = (projectDir: string, vendorValues: VendorValues[], env: NodeJS.ProcessEnv = process.env): (() => void) => {
  const previous = new Map<string, string | undefined>();
  for (const values of vendorValues) {
    for (const [name, value] of Object.entries(values.env)) {
      if (!previous.has(name)) previous.set(name, env[name]);
      env[name] = value;
    }
    for (const { from, to } of values.replacementFiles) {
      const target = path.resolve(projectDir, to);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(path.resolve(projectDir, from), target);
    }
  }
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete env[name];
      else env[name] = value;
    }
  };
};

/** `export NAME='value'` lines for a shell, so a raw `sf project deploy start` sees the same values. */
export const formatEnvExports = (vendorValues: VendorValues[]): string[] =>
  vendorValues.flatMap((values) => Object.entries(values.env).map(([name, value]) => `export ${name}='${value.replace(/'/g, `'\\''`)}'`));
