import path from 'node:path';
import { pollIntervalMs } from '../config';
import type { OrgConnection } from '../org/read';
import { exitCodeOfRun, OrgFailure, runOrgs, prepareRecordFolder } from '../org';
import type { ExitCode } from '../output';
import { loadMessages } from '../messages';
import { lifecycleVerdict } from './lifecycleVerdict';
import type { VendorFootprint } from './footprint';
import {
  LifecycleCommand,
  LifecycleRecord,
  readRecords,
  Reversal,
  UnreadableRecord,
  writeRecord,
} from './lifecycleRecord';
import { LifecycleStep, OrgOutcome, outcomeOf } from './lifecycleStep';
import { findVendorUser } from './findVendorUser';
import { prepareLifecycle } from './prepareLifecycle';
import { checkUsernameFlag } from './usernameFlag';

const messages = loadMessages('lifecycle');

export type LifecycleOptions = {
  projectDir: string;
  targetOrgs: string[];
  vendors: string[];
  valuesFile: string;
  dryRun: boolean;
  concurrency?: number;
  signal?: AbortSignal;
  outDir?: string;
  pollIntervalMs?: number;
  /** `--username`: the integration user of the one chosen vendor, when the values do not name the org's. */
  username?: string;
  onEvent?: (org: string, message: string) => void;
};

export type OrgLifecycleReport = {
  targetOrg: string;
  orgId: string;
  username: string;
  outcome: OrgOutcome;
  steps: LifecycleStep[];
  notes: string[];
  /** What each vendor must do now (after resume: e.g. Reco's consent). */
  handoff: Array<{ vendor: string; item: string }>;
  record?: string;
};
export type OrgLifecycleFailure = OrgFailure;
export type LifecycleResult = {
  command: LifecycleCommand;
  dryRun: boolean;
  exitCode: ExitCode;
  orgs: Array<OrgLifecycleReport | OrgLifecycleFailure>;
  /** Every warning of the run, each once with its orgs; the command moves them to the output's warnings. */
  warnings: string[];
};

/** What one command does in one org, given the vendor footprints and the org's earlier records. */
export type OrgWork = (context: {
  org: OrgConnection;
  footprints: VendorFootprint[];
  records: LifecycleRecord[];
  /** Record files of this org that are not JSON or not records: set aside, named in the report. */
  unreadable: UnreadableRecord[];
  outDir: string;
  dryRun: boolean;
  signal?: AbortSignal;
  pollIntervalMs: number;
  emit: (message: string) => void;
}) => Promise<{
  steps: LifecycleStep[];
  notes: string[];
  handoff: OrgLifecycleReport['handoff'];
  reversals?: Reversal[];
}>;

/**
 * Writes an org's record after its steps ran. The org has changed by then, so a record that cannot
 * be written becomes a note on the org's report (which still says what changed), never an error
 * that would report the org as failed and hide its steps.
 */
const recordOrNote = (write: () => string, notes: string[]): string | undefined => {
  try {
    return write();
  } catch (err) {
    notes.push(
      `The record of this run could not be written (${
        err instanceof Error ? err.message : String(err)
      }): resume will not find what this run changed; the steps above are what happened.`
    );
    return undefined;
  }
};

/**
 * Runs one lifecycle command over every target org, a few at a time: offline checks once, then per
 * org its own connection, steps, outcome and a record under out/lifecycle/ (dry runs too, marked so).
 * An org that fails to connect or read is reported on its own; the others go on.
 */
export const runLifecycle = async (
  command: LifecycleCommand,
  options: LifecycleOptions,
  work: OrgWork
): Promise<LifecycleResult> => {
  const { footprints, warnings } = await prepareLifecycle(options.projectDir, options.vendors, options.valuesFile);
  checkUsernameFlag(options.username, footprints);
  const outDir = path.resolve(options.outDir ?? path.join(options.projectDir, 'out'));
  // The record folder is checked and made before any org is contacted: the records are what resume
  // reverses, and a folder that cannot hold them must stop the run before anything changes.
  prepareRecordFolder(path.join(outDir, 'lifecycle'), 'the lifecycle records', {
    projectDir: options.projectDir,
    reads: [{ file: options.valuesFile, what: 'the values file' }],
  });
  const run = await runOrgs(
    {
      targetOrgs: options.targetOrgs,
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.signal ? { signal: options.signal } : {}),
      warnings,
    },
    async (org): Promise<OrgLifecycleReport> => {
      // The user each vendor's steps act on, found as deploy finds it (a sandbox copy too), once per org.
      const located = await Promise.all(footprints.map((f) => findVendorUser(org, f, options.username)));
      const { records, unreadable } = readRecords(options.projectDir, outDir, org.orgId);
      const done = await work({
        org,
        footprints: located,
        records,
        unreadable,
        outDir,
        dryRun: options.dryRun,
        ...(options.signal ? { signal: options.signal } : {}),
        pollIntervalMs: options.pollIntervalMs ?? pollIntervalMs(),
        emit: (message) => options.onEvent?.(org.targetOrg, message),
      });
      const outcome = outcomeOf(done.steps, options.dryRun);
      const record = recordOrNote(
        () =>
          writeRecord(options.projectDir, outDir, {
            command,
            at: new Date().toISOString(),
            orgId: org.orgId,
            targetOrg: org.targetOrg,
            vendors: footprints.map((f) => f.vendor),
            dryRun: options.dryRun,
            outcome,
            steps: done.steps,
            ...(done.reversals ? { reversals: done.reversals } : {}),
          }),
        done.notes
      );
      return {
        targetOrg: org.targetOrg,
        orgId: org.orgId,
        username: org.username,
        outcome,
        steps: done.steps,
        notes: [
          ...located.flatMap((f) => (f.userNote ? [`${f.vendor}: its integration user is ${f.userNote}.`] : [])),
          ...unreadable.map((u) => messages.getMessage('info.RecordSetAside', [u.file, u.reason])),
          ...done.notes,
        ],
        handoff: done.handoff,
        ...(record === undefined ? {} : { record }),
      };
    }
  );
  return {
    command,
    dryRun: options.dryRun,
    exitCode: exitCodeOfRun(run.orgs, (o) => lifecycleVerdict(o.outcome)),
    orgs: run.orgs,
    warnings: run.warnings,
  };
};
