import { pendingReversal, Reversal } from './lifecycleRecord';
import type { LifecycleStep } from './lifecycleStep';
import { LifecycleOptions, LifecycleResult, runLifecycle } from './runLifecycle';
import { suspendVendor } from './suspendVendor';
import { seesAllTokens } from './tokenVisibility';

/** `suspend`: the kill switch for the chosen vendors in every target org. */
export const suspendOrgs = (options: LifecycleOptions): Promise<LifecycleResult> =>
  runLifecycle('suspend', options, async ({ org, footprints, records, dryRun, signal, pollIntervalMs, emit }) => {
    const steps: LifecycleStep[] = [];
    const reversals: Reversal[] = [];
    const tokensVisible = await seesAllTokens(org.connection);
    for (const footprint of footprints) {
      emit(
        `${footprint.vendor}: ${
          dryRun
            ? 'reading what a suspend would change'
            : 'freezing the user, disabling the app, revoking tokens, ending sessions'
        }`
      );
      // eslint-disable-next-line no-await-in-loop -- one vendor at a time: each suspend's steps are reported in order
      const done = await suspendVendor(org.connection, footprint, pendingReversal(records, footprint.vendor), {
        dryRun,
        pollIntervalMs,
        ...(tokensVisible === undefined ? {} : { tokensVisible }),
        ...(signal ? { signal } : {}),
      });
      steps.push(...done.steps);
      reversals.push(done.reversal);
    }
    return { steps, notes: [], handoff: [], ...(dryRun ? {} : { reversals }) };
  });
