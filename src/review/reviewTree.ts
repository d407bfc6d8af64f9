import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkFailedError, problemsFrom } from '../problems';
import { loadMessages } from '../messages';
import { loadVendors, selectVendors } from '../catalogue';
import { checkVendorMetadata } from '../metadata';
import { buildVendorReview, VendorReview } from './vendorReview';

const messages = loadMessages('review');
const checkProblem = problemsFrom('check');

/**
 * The reviews of every selected vendor in a project tree (metadata only: no values, no org). With
 * `refuseUnknown` (the working tree), a `--vendor` the project lacks is an error, never an empty
 * review that passes; a base revision may lack a vendor the change adds.
 *
 * @throws CheckFailedError (UnknownVendor)
 */
export const reviewTree = (projectDir: string, vendorNames: string[], refuseUnknown = false): VendorReview[] => {
  const { vendors } = loadVendors(projectDir);
  const { selected, unknown } = selectVendors(vendors, vendorNames);
  if (refuseUnknown && unknown.length)
    throw checkFailedError(
      unknown.map((name) =>
        checkProblem.error(
          'UnknownVendor',
          { file: 'command line', field: '--vendor' },
          [name],
          [vendors.map((v) => v.name).join(', ')]
        )
      )
    );
  return selected.map((vendor) => buildVendorReview(vendor, checkVendorMetadata(projectDir, vendor).metadata));
};

/**
 * The project as it was at a git revision, in a temp folder: `git archive` needs only the revision's
 * objects, so it works on a shallow CI checkout that has fetched the base.
 */
export const checkoutRevision = (projectDir: string, revision: string): { dir: string; cleanup: () => void } => {
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], {
      cwd: projectDir,
      stdio: 'pipe',
    });
  } catch {
    throw messages.createError('error.BaseRevisionNotFound', [revision], [revision, revision]);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-base-'));
  const prefix = execFileSync('git', ['rev-parse', '--show-prefix'], { cwd: projectDir }).toString().trim();
  const paths = ['sfdx-project.json', '.forceignore', 'force-app'].map((p) => `${prefix}${p}`);
  const archive = execFileSync('git', ['archive', '--format=tar', revision, '--', ...paths], {
    cwd: projectDir,
    maxBuffer: 256 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  return { dir: path.join(dir, prefix), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
};
