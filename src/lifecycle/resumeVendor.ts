import type { Connection } from '@salesforce/core';
import { soqlString } from '../org/read';
import { deployAppEnabled, findAppPolicy } from './appPolicy';
import type { VendorFootprint } from './footprint';
import type { Reversal } from './lifecycleRecord';
import { attempt, LifecycleStep, step } from './lifecycleStep';
import { deployStepOutcome, updateRecord } from './orgCalls';
import type { RunOptions } from './suspendVendor';

/**
 * Reverses exactly what the vendor's suspend recorded, and nothing more: unfreezes the user only if
 * the suspend froze it, re-enables the app only if the suspend disabled it. Revoked tokens stay
 * revoked. Returns what is still left to reverse (a failed step), so a second resume finishes it.
 */
export const resumeVendor = async (
  connection: Connection,
  footprint: VendorFootprint,
  pending: Reversal,
  options: RunOptions
): Promise<{ steps: LifecycleStep[]; left: Reversal }> => {
  const { vendor } = footprint;
  const steps: LifecycleStep[] = [];
  const left: Reversal = { vendor };
  if (pending.froze) {
    const froze = pending.froze;
    const rows = (
      await connection.query<{ Id: string; IsFrozen: boolean }>(
        `SELECT Id, IsFrozen FROM UserLogin WHERE Id = ${soqlString(froze.userLoginId)}`
      )
    ).records;
    if (!rows[0]) steps.push(step(vendor, 'unfreezeUser', froze.username, 'failed', 'its UserLogin is gone'));
    else if (rows[0].IsFrozen !== true)
      steps.push(step(vendor, 'unfreezeUser', froze.username, 'already', 'not frozen'));
    else {
      const unfreeze = step(vendor, 'unfreezeUser', froze.username, 'planned', 'UserLogin.IsFrozen = false');
      const done = options.dryRun
        ? unfreeze
        : await attempt(
            unfreeze,
            () => updateRecord(connection, 'UserLogin', { Id: froze.userLoginId, IsFrozen: false }),
            options.signal
          );
      if (done.outcome !== 'done' && done.outcome !== 'planned') left.froze = froze;
      steps.push(done);
    }
  }
  if (pending.disabled) {
    const disabled = pending.disabled;
    const policy = await findAppPolicy(connection, disabled.app);
    if (!policy)
      steps.push(step(vendor, 'enableApp', disabled.app, 'failed', 'the org no longer has this External Client App'));
    else if (policy.enabled) steps.push(step(vendor, 'enableApp', disabled.app, 'already', 'already enabled'));
    else {
      const enable = step(vendor, 'enableApp', disabled.app, 'planned', `${policy.policy}.isEnabled = true`);
      if (options.dryRun) steps.push(enable);
      else {
        const result = options.signal?.aborted
          ? { outcome: 'skipped' as const, error: 'interrupted before this step' }
          : deployStepOutcome(await deployAppEnabled(connection, policy, true, options));
        if (result.outcome !== 'done') left.disabled = disabled;
        steps.push({ ...enable, ...result });
      }
    }
  }
  return { steps, left };
};
