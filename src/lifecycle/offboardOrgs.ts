import { deployStepOutcome } from './orgCalls';
import { LifecycleStep, step } from './lifecycleStep';
import { readOwnedMetadata } from './ownedMetadata';
import { releaseUser } from './releaseUser';
import { runRemovalDeploy } from './removalDeploy';
import { LifecycleOptions, LifecycleResult, runLifecycle } from './runLifecycle';
import { suspendVendor } from './suspendVendor';

/**
 * `offboard`: removes what the vendors own and only that, in dependency order: suspend (access
 * stops first); their permission set and licence assignments; the integration user deactivated;
 * then one atomic deploy that deletes their External Client App and permission sets and sends the
 * org's trusted-range list without their ranges. Settings they changed are listed and left as they are.
 */
export const offboardOrgs = (options: LifecycleOptions): Promise<LifecycleResult> =>
  runLifecycle('offboard', options, async ({ org, footprints, dryRun, signal, pollIntervalMs, emit }) => {
    const run = { dryRun, pollIntervalMs, ...(signal ? { signal } : {}) };
    const steps: LifecycleStep[] = [];
    const notes: string[] = [];
    const heldByOthers = new Map<string, number>();
    for (const footprint of footprints) {
      emit(`${footprint.vendor}: suspending, then taking its assignments off its user and deactivating it`);
      steps.push(...(await suspendVendor(org.connection, footprint, undefined, run)).steps);
      const released = await releaseUser(org.connection, footprint, run);
      steps.push(...released.steps);
      for (const [name, count] of released.heldByOthers) heldByOthers.set(name, count);
    }
    emit('reading the vendors’ metadata and trusted ranges in the org');
    const owned = await readOwnedMetadata(org.connection, footprints);
    const vendorOf = (name: string): string => footprints.find((f) => f.permissionSets.includes(name) || (f.app && name.startsWith(f.app)))?.vendor ?? footprints[0]?.vendor ?? '';
    const deletable = owned.components.filter((c) => !(c.type === 'PermissionSet' && heldByOthers.has(c.fullName)));
    for (const [name, count] of heldByOthers) {
      steps.push({ ...step(vendorOf(name), 'deleteMetadata', `PermissionSet:${name}`, 'skipped'), error: `still assigned to ${count} other user(s): a permission set still assigned cannot be deleted. Remove those assignments if they are not needed, then run offboard again.` });
    }
    const removal: LifecycleStep[] = deletable.map((c) => step(vendorOf(c.fullName), 'deleteMetadata', `${c.type}:${c.fullName}`, 'planned', 'destructiveChangesPost.xml'));
    if (owned.trustedRanges) {
      const { removed, remaining } = owned.trustedRanges;
      removal.push(step(footprints.map((f) => f.vendor).join('+'), 'removeTrustedRanges', removed.map((r) => r.description ?? `${r.start}-${r.end}`).join(', '), 'planned', `${removed.length} removed, ${remaining.length} other range(s) kept`));
    }
    if (!removal.length) notes.push('the org holds none of the vendors’ metadata or trusted ranges any more');
    else if (!dryRun) {
      emit('deploying the removal (one atomic deploy)');
      const outcome = deployStepOutcome(await runRemovalDeploy(org.connection, { components: deletable, ...(owned.trustedRanges ? { trustedRanges: owned.trustedRanges.remaining } : {}) }, run));
      for (const s of removal) Object.assign(s, outcome.outcome === 'done' ? { outcome: 'done' } : outcome);
    }
    steps.push(...removal);
    for (const footprint of footprints) {
      for (const name of footprint.settings) {
        steps.push(step(footprint.vendor, 'keepSetting', `${name}Settings`, 'kept', 'org-wide settings the vendor turned on are left as they are; change them in Setup if nothing else needs them'));
      }
    }
    return { steps, notes, handoff: [] };
  });
