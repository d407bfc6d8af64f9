import path from 'node:path';
import { prepareOutputFolder, writeOutputFile } from '../files/writeOutput';
import { connectOrg, orgLabel } from '../org/read/connectOrg';
import { mapWithConcurrency } from '../org/mapWithConcurrency';
import { EXIT_CODES, ExitCode } from '../output/exitCodes';
import { orgError } from '../org/orgError';
import { findVendorUser } from './findVendorUser';
import { prepareLifecycle } from './prepareLifecycle';
import { readActivity, VendorActivity } from './readActivity';
import { parseSince } from './since';
import { seesAllTokens } from './tokenVisibility';

export type ActivityOptions = {
  projectDir: string;
  targetOrgs: string[];
  vendors: string[];
  valuesFile: string;
  since: string;
  concurrency?: number;
  outDir?: string;
  now?: Date;
};
export type OrgActivity = { targetOrg: string; orgId: string; vendors: VendorActivity[]; record: string };
export type ActivityResult = {
  exitCode: ExitCode;
  since: string;
  orgs: Array<OrgActivity | { targetOrg: string; error: { name: string; message: string; actions: string[] } }>;
};

/** `activity`: per org and vendor, what the vendor's integration user did since `--since`. Read-only; a copy goes to out/activity/. */
export const activityOrgs = async (options: ActivityOptions): Promise<ActivityResult> => {
  const since = parseSince(options.since, options.now);
  const { footprints } = await prepareLifecycle(options.projectDir, options.vendors, options.valuesFile);
  const dir = path.resolve(options.outDir ?? path.join(options.projectDir, 'out'), 'activity');
  const rel = (p: string): string => path.relative(options.projectDir, p).split(path.sep).join('/');
  const context = { projectDir: options.projectDir, reads: [{ file: options.valuesFile, what: 'the values file' }] };
  // Checked and made before any org is read: a read that cannot be kept is not made.
  prepareOutputFolder(
    { label: 'the activity records', given: rel(dir), absolute: dir, kind: 'folder', existing: { holds: 'anything' } },
    context
  );
  const orgs = await mapWithConcurrency(
    options.targetOrgs,
    options.concurrency ?? 2,
    async (targetOrg): Promise<ActivityResult['orgs'][number]> => {
      try {
        const org = await connectOrg(targetOrg);
        const visible = (await seesAllTokens(org.connection)) !== false;
        // The same user suspend would act on: the values' name, or in a sandbox its copy.
        const located = await Promise.all(footprints.map((f) => findVendorUser(org, f)));
        const vendors = await Promise.all(located.map((f) => readActivity(org.connection, f, since, visible)));
        const file = path.join(dir, `${org.orgId}-activity-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
        writeOutputFile(
          {
            label: 'the activity record',
            given: rel(file),
            absolute: file,
            kind: 'file',
            existing: { replace: 'always' },
          },
          context,
          `${JSON.stringify({ targetOrg: org.targetOrg, orgId: org.orgId, since, vendors }, undefined, 2)}\n`
        );
        return {
          targetOrg: org.targetOrg,
          orgId: org.orgId,
          vendors,
          record: rel(file),
        };
      } catch (err) {
        return {
          targetOrg: orgLabel(targetOrg),
          error: orgError(err),
        };
      }
    }
  );
  const failed = orgs.filter((o) => 'error' in o).length;
  return {
    exitCode: failed === 0 ? EXIT_CODES.ok : failed === orgs.length ? EXIT_CODES.failed : EXIT_CODES.partial,
    since,
    orgs,
  };
};
