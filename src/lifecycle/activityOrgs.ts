import fs from 'node:fs';
import path from 'node:path';
import { connectOrg, orgLabel } from '../org/read/connectOrg';
import { mapWithConcurrency } from '../org/mapWithConcurrency';
import { EXIT_CODES, ExitCode } from '../output/exitCodes';
import { orgError } from '../org/orgError';
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
  const dir = path.join(options.outDir ?? path.join(options.projectDir, 'out'), 'activity');
  const orgs = await mapWithConcurrency(
    options.targetOrgs,
    options.concurrency ?? 2,
    async (targetOrg): Promise<ActivityResult['orgs'][number]> => {
      try {
        const org = await connectOrg(targetOrg);
        const visible = (await seesAllTokens(org.connection)) !== false;
        const vendors = await Promise.all(footprints.map((f) => readActivity(org.connection, f, since, visible)));
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, `${org.orgId}-activity-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
        fs.writeFileSync(
          file,
          `${JSON.stringify({ targetOrg: org.targetOrg, orgId: org.orgId, since, vendors }, undefined, 2)}\n`
        );
        return {
          targetOrg: org.targetOrg,
          orgId: org.orgId,
          vendors,
          record: path.relative(options.projectDir, file).split(path.sep).join('/'),
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
