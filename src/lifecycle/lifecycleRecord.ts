import fs from 'node:fs';
import path from 'node:path';
import { writeRunRecord } from '../org';
import { INPUT_LIMITS, readRegularFile } from '../files';
import type { LifecycleStep, OrgOutcome } from './lifecycleStep';
import { checkRecord } from './recordSchema';

export type LifecycleCommand = 'suspend' | 'resume' | 'offboard';

/** What `resume` reverses: only what a suspend itself changed. */
export type Reversal = {
  vendor: string;
  froze?: { userLoginId: string; username: string };
  disabled?: { app: string; policy: string };
  /** Set by pendingReversal (never written): the record file this reversal comes from. */
  from?: string;
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
  /** Set when read back (never written): the project-relative file the record came from. */
  file?: string;
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

/** A record file that could not be used: its project-relative path and why. */
export type UnreadableRecord = { file: string; reason: string };

/**
 * Records of this org (not dry runs), oldest first, each checked against the record schema
 * (recordSchema.ts); a file that is not JSON or not a record is set aside in `unreadable` with the
 * reason, never thrown: suspend must run whatever the folder holds.
 */
export const readRecords = (
  projectDir: string,
  outDir: string,
  orgId: string
): { records: LifecycleRecord[]; unreadable: UnreadableRecord[] } => {
  const dir = dirOf(outDir);
  const records: LifecycleRecord[] = [];
  const unreadable: UnreadableRecord[] = [];
  if (!fs.existsSync(dir)) return { records, unreadable };
  const names = fs
    .readdirSync(dir)
    .filter((f) => new RegExp(`^${orgId}-(suspend|resume|offboard)-\\d`).test(f) && f.endsWith('.json'));
  for (const name of names) {
    const full = path.join(dir, name);
    const file = path.relative(projectDir, full).split(path.sep).join('/');
    let text: string;
    let data: unknown;
    try {
      // Bounded and non-blocking: a FIFO or a link to /dev/zero named like a record cannot hang suspend.
      text = readRegularFile(full, { maxBytes: INPUT_LIMITS.lifecycleRecordBytes, display: file }).toString('utf8');
    } catch (err) {
      unreadable.push({ file, reason: `it cannot be read (${(err as Error).message})` });
      continue;
    }
    try {
      data = JSON.parse(text);
    } catch {
      unreadable.push({ file, reason: 'it is not JSON' });
      continue;
    }
    const checked = checkRecord(data, orgId);
    if (checked.ok) records.push({ ...checked.record, file });
    else unreadable.push({ file, reason: checked.reason });
  }
  return { records: records.sort((a, b) => a.at.localeCompare(b.at)), unreadable };
};

/**
 * What the vendor's suspends left to reverse: the reversals of its latest suspend, unless a resume
 * after it already reversed them. A resume that failed part-way leaves the unreversed part.
 */
export const pendingReversal = (records: LifecycleRecord[], vendor: string): Reversal | undefined => {
  let pending: Reversal | undefined;
  for (const record of records.filter((r) => r.vendors.includes(vendor))) {
    if (record.command === 'suspend') {
      const found = record.reversals?.find((r) => r.vendor === vendor);
      pending = found ? { ...found, ...(record.file ? { from: record.file } : {}) } : undefined;
    }
    // An offboarded vendor is not let back in by resume.
    if (record.command === 'offboard' && record.outcome !== 'failed') pending = undefined;
    if (record.command === 'resume' && pending) {
      const left = record.reversals?.find((r) => r.vendor === vendor);
      pending =
        left && (left.froze ?? left.disabled) ? { ...left, ...(record.file ? { from: record.file } : {}) } : undefined;
    }
  }
  return pending;
};
