import fs from 'node:fs';
import path from 'node:path';
import { SfError } from '@salesforce/core/sfError';

/**
 * The folder holding vendor-access's package.json, found by walking up from this file: the same
 * from src/ (ts-jest) and from lib/. Data files beside it (messages/, config/salesforce/) are read
 * from there at run time.
 */
export const PACKAGE_ROOT = ((): string => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new SfError(
        `No package.json above ${__dirname}: vendor-access cannot find its data folders (messages/, config/salesforce/).`,
        'PackageRootNotFoundError',
        ['Reinstall vendor-access (npm ci); its data folders sit beside its package.json.']
      );
    dir = parent;
  }
  return dir;
})();
