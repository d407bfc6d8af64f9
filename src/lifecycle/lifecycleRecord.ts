import fs from 'node:fs';
import path from 'node:path';
import { writeRunRecord } from '../org/runRecord';
import type { LifecycleStep, OrgOutcome } from './lifecycleStep';

export type LifecycleCommand = 'suspend' | 'resume' | 'offboard';

/** What `resume` reverses: only what a suspend itself changed. */
export type Reversal = {
  vendor: string;
  froze?: { userLoginId: string; username: string };
  disabled?: { app: string; policy: string };
};

export type LifecycleRecord = {
  command: LifecycleCommand;
  at: string;
  orgId: string;
  targetOrg: string;
  vendors: string[];
  dryRun: boolean;
  outcome: OrgOutcome;
  steps: LifecycleStep[];
  /** For suspend: everything still to reverse, carried over from earlier suspends not yet resumed. */
  reversals?: Reversal[];
};

const dirOf = (outDir: string): string => path.join(outDir, 'lifecycle');

/** Writes the record as `out/lifecycle/<orgId>-<command>-<stamp>.json`; returns its project-relative path. */
export const writeRecord = (projectDir: string, outDir: string, record: LifecycleRecord): string =>
  writeRunRecord(
    projectDir,
    dirOf(outDir),
    {
      id: record.orgId,
      kind: `${record.command}${record.dryRun ? '-dry-run' : ''}`,
      at: record.at,
      label: 'the lifecycle record',
    },
    record
  );

/** Records of this org (not dry runs), oldest first. */
export const readRecords = (outDir: string, orgId: string): LifecycleRecord[] => {
  const dir = dirOf(outDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => new RegExp(`^${orgId}-(suspend|resume|offboard)-\\d`).test(f) && f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as LifecycleRecord)
    .sort((a, b) => a.at.localeCompare(b.at));
};

/**
 * What the vendor's suspends left to reverse: the reversals of its latest suspend, unless a resume
 * after it already reversed them. A resume that failed part-way leaves the unreversed part.
 */
export const pendingReversal = (records: LifecycleRecord[], vendor: string): Reversal | undefined => {
  let pending: Reversal | undefined;
  for (const record of records.filter((r) => r.vendors.includes(vendor))) {
    if (record.command === 'suspend') pending = record.reversals?.find((r) => r.vendor === vendor);
    // An offboarded vendor is not let back in by resume.
    if (record.command === 'offboard' && record.outcome !== 'failed') pending = undefined;
    if (record.command === 'resume' && pending) {
      const left = record.reversals?.find((r) => r.vendor === vendor);
      pending = left && (left.froze ?? left.disabled) ? left : undefined;
    }
  }
  return pending;
};
