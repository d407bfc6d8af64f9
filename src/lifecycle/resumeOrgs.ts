import { loadMessages } from '../messages';
import { reversalMismatches } from './checkReversal';
import { pendingReversal, Reversal } from './lifecycleRecord';
import type { LifecycleStep } from './lifecycleStep';
import { resumeVendor } from './resumeVendor';
import { LifecycleOptions, LifecycleResult, OrgLifecycleReport, runLifecycle } from './runLifecycle';

const messages = loadMessages('lifecycle');

/** `resume`: reverses what the latest suspend of each vendor recorded in out/lifecycle/, nothing more. */
export const resumeOrgs = (options: LifecycleOptions): Promise<LifecycleResult> =>
  runLifecycle(
    'resume',
    options,
    async ({ org, footprints, records, unreadable, dryRun, signal, pollIntervalMs, emit }) => {
      // A record that cannot be read may be the latest suspend: undoing an older one instead would be wrong.
      if (unreadable.length)
        throw messages.createError('error.RecordUnreadable', [
          org.targetOrg,
          org.orgId,
          unreadable.map((u) => `${u.file}: ${u.reason}`).join('; '),
        ]);
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
      // Every reversal is checked in the org before any is acted on: one that does not belong refuses them all.
      for (const { footprint, reversal } of pending) {
        if (!reversal) continue;
        // eslint-disable-next-line no-await-in-loop -- a few reads per vendor, in order, before any change
        const mismatches = await reversalMismatches(org.connection, footprint, reversal);
        if (mismatches.length)
          throw messages.createError('error.RecordNotVendors', [
            footprint.vendor,
            org.orgId,
            reversal.from ?? 'out/lifecycle/',
            mismatches.join('; '),
          ]);
      }
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
    }
  );
