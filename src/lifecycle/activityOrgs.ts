import path from 'node:path';
import { exitCodeOfRun, OrgFailure, runOrgs, prepareRecordFolder, writeRunRecord } from '../org';
import type { ExitCode } from '../output';
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
  orgs: Array<OrgActivity | OrgFailure>;
  /** Every warning of the run, each once with its orgs; the command moves them to the output's warnings. */
  warnings: string[];
};

/** `activity`: per org and vendor, what the vendor's integration user did since `--since`. Read-only; a copy goes to out/activity/. */
export const activityOrgs = async (options: ActivityOptions): Promise<ActivityResult> => {
  const since = parseSince(options.since, options.now);
  const { footprints, warnings } = await prepareLifecycle(options.projectDir, options.vendors, options.valuesFile);
  const dir = path.resolve(options.outDir ?? path.join(options.projectDir, 'out'), 'activity');
  // Checked and made before any org is read: a read that cannot be kept is not made.
  prepareRecordFolder(dir, 'the activity records', {
    projectDir: options.projectDir,
    reads: [{ file: options.valuesFile, what: 'the values file' }],
  });
  const run = await runOrgs(
    {
      targetOrgs: options.targetOrgs,
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      warnings,
    },
    async (org): Promise<OrgActivity> => {
      const visible = (await seesAllTokens(org.connection)) !== false;
      // The same user suspend would act on: the values' name, or in a sandbox its copy.
      const located = await Promise.all(footprints.map((f) => findVendorUser(org, f)));
      const vendors = await Promise.all(located.map((f) => readActivity(org.connection, f, since, visible)));
      const record = writeRunRecord(
        options.projectDir,
        dir,
        { id: org.orgId, kind: 'activity', at: new Date().toISOString(), label: 'the activity record' },
        { targetOrg: org.targetOrg, orgId: org.orgId, since, vendors }
      );
      return { targetOrg: org.targetOrg, orgId: org.orgId, vendors, record };
    }
  );
  return { exitCode: exitCodeOfRun(run.orgs, () => 'ok'), since, orgs: run.orgs, warnings: run.warnings };
};
