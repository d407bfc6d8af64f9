import fs from 'node:fs';
import { readSettingsBefore, restoredSettings } from '../org/apply';
import type { VendorFootprint } from './footprint';
import { deployStepOutcome } from './orgCalls';
import { LifecycleStep, step } from './lifecycleStep';
import { readOwnedMetadata } from './ownedMetadata';
import { releaseUser } from './releaseUser';
import { runRemovalDeploy } from './removalDeploy';
import { LifecycleOptions, LifecycleResult, runLifecycle } from './runLifecycle';
import { suspendVendor } from './suspendVendor';
import { seesAllTokens } from './tokenVisibility';

/**
 * The settings the vendors changed: kept as they are (a step says so), or with --restore-settings
 * put back in the removal deploy to the values recorded before onboarding, when there are any.
 */
const planSettings = (
  footprints: VendorFootprint[],
  restoreSettings: boolean,
  outDir: string,
  orgId: string
): { settings: Array<{ name: string; xml: string }>; settingSteps: LifecycleStep[]; restoreSteps: LifecycleStep[] } => {
  const settings: Array<{ name: string; xml: string }> = [];
  const settingSteps: LifecycleStep[] = [];
  const restoreSteps: LifecycleStep[] = [];
  const before = readSettingsBefore(outDir, orgId);
  for (const footprint of footprints) {
    for (const name of footprint.settings) {
      if (!restoreSettings) {
        settingSteps.push(
          step(
            footprint.vendor,
            'keepSetting',
            `${name}Settings`,
            'kept',
            'org-wide settings the vendor turned on are left as they are; --restore-settings puts back the values recorded before onboarding'
          )
        );
        continue;
      }
      const recorded = before?.recorded[name];
      const restored = recorded
        ? restoredSettings(fs.readFileSync(footprint.settingsFiles[name] ?? '', 'utf8'), recorded.xml)
        : undefined;
      if (!recorded || !restored?.xml) {
        settingSteps.push({
          ...step(footprint.vendor, 'restoreSetting', `${name}Settings`, 'skipped'),
          error: recorded
            ? 'the org reported none of these values before onboarding; change them in Setup'
            : `no values recorded before onboarding for this org (out/lifecycle/${orgId}-settings-before.json, written by the first vendor-access deploy); change them in Setup`,
        });
        continue;
      }
      settings.push({ name, xml: restored.xml });
      const partly = restored.unrestorable.length
        ? `; not reported before, left as they are: ${restored.unrestorable.join(', ')}`
        : '';
      restoreSteps.push(
        step(
          footprint.vendor,
          'restoreSetting',
          `${name}Settings`,
          'planned',
          `back to the values recorded ${recorded.at}${partly}`
        )
      );
    }
  }
  return { settings, settingSteps, restoreSteps };
};

/**
 * `offboard`: removes what the vendors own and only that, in dependency order: suspend (access
 * stops first); their permission set and licence assignments; the integration user deactivated;
 * then one atomic deploy that deletes their External Client App and permission sets and sends the
 * org's trusted-range list without their ranges. Settings they changed are listed and left as they
 * are, or with --restore-settings put back (in the same deploy) as recorded before onboarding.
 */
export const offboardOrgs = (options: LifecycleOptions & { restoreSettings?: boolean }): Promise<LifecycleResult> =>
  runLifecycle('offboard', options, async ({ org, footprints, outDir, dryRun, signal, pollIntervalMs, emit }) => {
    const tokensVisible = await seesAllTokens(org.connection);
    const run = {
      dryRun,
      pollIntervalMs,
      ...(tokensVisible === undefined ? {} : { tokensVisible }),
      ...(signal ? { signal } : {}),
    };
    const steps: LifecycleStep[] = [];
    const notes: string[] = [];
    const heldByOthers = new Map<string, number>();
    for (const footprint of footprints) {
      emit(`${footprint.vendor}: suspending, then taking its assignments off its user and deactivating it`);
      // eslint-disable-next-line no-await-in-loop -- one vendor after another: its suspend, then its user's release, in that order
      steps.push(...(await suspendVendor(org.connection, footprint, undefined, run)).steps);
      // eslint-disable-next-line no-await-in-loop -- one vendor after another: its suspend, then its user's release, in that order
      const released = await releaseUser(org.connection, footprint, run);
      steps.push(...released.steps);
      for (const [name, count] of released.heldByOthers) heldByOthers.set(name, count);
    }
    emit('reading the vendors’ metadata and trusted ranges in the org');
    const owned = await readOwnedMetadata(org.connection, footprints);
    const vendorOf = (name: string): string =>
      footprints.find((f) => f.permissionSets.includes(name) || (f.app && name.startsWith(f.app)))?.vendor ??
      footprints[0]?.vendor ??
      '';
    const deletable = owned.components.filter((c) => !(c.type === 'PermissionSet' && heldByOthers.has(c.fullName)));
    for (const [name, count] of heldByOthers) {
      steps.push({
        ...step(vendorOf(name), 'deleteMetadata', `PermissionSet:${name}`, 'skipped'),
        error: `still assigned to ${count} other user(s): a permission set still assigned cannot be deleted. Remove those assignments if they are not needed, then run offboard again.`,
      });
    }
    const removal: LifecycleStep[] = deletable.map((c) =>
      step(vendorOf(c.fullName), 'deleteMetadata', `${c.type}:${c.fullName}`, 'planned', 'destructiveChangesPost.xml')
    );
    if (owned.trustedRanges) {
      const { removed, remaining } = owned.trustedRanges;
      removal.push(
        step(
          footprints.map((f) => f.vendor).join('+'),
          'removeTrustedRanges',
          removed.map((r) => r.description ?? `${r.start}-${r.end}`).join(', '),
          'planned',
          `${removed.length} removed, ${remaining.length} other range(s) kept`
        )
      );
    }
    const { settings, settingSteps, restoreSteps } = planSettings(
      footprints,
      Boolean(options.restoreSettings),
      outDir,
      org.orgId
    );
    removal.push(...restoreSteps);
    if (!removal.length) notes.push('the org holds none of the vendors’ metadata or trusted ranges any more');
    else if (!dryRun) {
      emit('deploying the removal (one atomic deploy)');
      const outcome = deployStepOutcome(
        await runRemovalDeploy(
          org.connection,
          {
            components: deletable,
            ...(owned.trustedRanges ? { trustedRanges: owned.trustedRanges.remaining } : {}),
            settings,
          },
          run
        )
      );
      for (const s of removal) Object.assign(s, outcome.outcome === 'done' ? { outcome: 'done' } : outcome);
    }
    steps.push(...removal, ...settingSteps);
    return { steps, notes, handoff: [] };
  });
