import { loadMessages } from '../messages/loadMessages';
import { pendingReversal, Reversal } from './lifecycleRecord';
import type { LifecycleStep } from './lifecycleStep';
import { resumeVendor } from './resumeVendor';
import { LifecycleOptions, LifecycleResult, OrgLifecycleReport, runLifecycle } from './runLifecycle';

const messages = loadMessages('lifecycle');

/** `resume`: reverses what the latest suspend of each vendor recorded in out/lifecycle/, nothing more. */
export const resumeOrgs = (options: LifecycleOptions): Promise<LifecycleResult> =>
  runLifecycle('resume', options, async ({ org, footprints, records, dryRun, signal, pollIntervalMs, emit }) => {
    const pending = footprints.map((f) => ({ footprint: f, reversal: pendingReversal(records, f.vendor) }));
    const missing = pending.filter(
      (p) => !p.reversal && !records.some((r) => r.command === 'suspend' && r.vendors.includes(p.footprint.vendor))
    );
    if (missing.length)
      throw messages.createError(
        'error.NoSuspendRecord',
        [missing.map((m) => m.footprint.vendor).join(', '), org.targetOrg, org.orgId],
        [org.targetOrg]
      );
    const steps: LifecycleStep[] = [];
    const reversals: Reversal[] = [];
    const notes: string[] = [];
    const handoff: OrgLifecycleReport['handoff'] = [];
    for (const { footprint, reversal } of pending) {
      if (!reversal) {
        notes.push(`${footprint.vendor}: its last suspend was already resumed; nothing to reverse.`);
        continue;
      }
      emit(`${footprint.vendor}: reversing the suspend`);
      // eslint-disable-next-line no-await-in-loop -- one vendor at a time: each reversal's steps are reported in order
      const done = await resumeVendor(org.connection, footprint, reversal, {
        dryRun,
        pollIntervalMs,
        ...(signal ? { signal } : {}),
      });
      steps.push(...done.steps);
      reversals.push(done.left);
      notes.push(`${footprint.vendor}: revoked OAuth tokens stay revoked.`);
      for (const item of footprint.afterResume) handoff.push({ vendor: footprint.vendor, item });
    }
    return { steps, notes, handoff, ...(dryRun ? {} : { reversals }) };
  });
