import { orgHeading } from '../org/read';
import { runSummary } from '../output';
import { lifecycleVerdict } from './lifecycleVerdict';
import type { LifecycleStep } from './lifecycleStep';
import type { LifecycleResult } from './runLifecycle';

const VERB: Record<LifecycleStep['kind'], string> = {
  freezeUser: 'freeze user',
  unfreezeUser: 'unfreeze user',
  revokeToken: 'revoke OAuth token of',
  endSession: 'end session',
  disableApp: 'disable External Client App',
  enableApp: 'enable External Client App',
  removeAssignment: 'remove assignment',
  removeLicenceAssignment: 'remove licence assignment',
  deactivateUser: 'deactivate user',
  moveUserProfile: 'move user off the hardened profile',
  deleteMetadata: 'delete',
  removeTrustedRanges: 'remove trusted ranges',
  keepSetting: 'keep setting',
  restoreSetting: 'restore setting',
};

const MARK: Record<LifecycleStep['outcome'], string> = {
  planned: 'would',
  done: 'done',
  already: 'already',
  failed: 'FAILED',
  unknown: 'UNKNOWN',
  skipped: 'SKIPPED',
  kept: 'kept',
};

export const formatStep = (s: LifecycleStep): string =>
  `  [${MARK[s.outcome]}] ${s.vendor}: ${VERB[s.kind]} ${s.target}${s.detail ? ` (${s.detail})` : ''}${
    s.error ? `\n      ${s.error}` : ''
  }`;

/** The lines a person reads after suspend, resume or offboard: per org, each step and how it ended. */
export const formatLifecycleResult = (result: LifecycleResult): string[] => {
  const lines: string[] = [];
  for (const org of result.orgs) {
    if (!('steps' in org)) {
      lines.push(
        `${org.targetOrg}: FAILED`,
        `  Error (${org.error.name}): ${org.error.message}`,
        ...org.error.actions.map((a) => `    ${a}`)
      );
      continue;
    }
    lines.push(
      `${orgHeading(org)}: ${result.command} ${org.outcome.toUpperCase()}${
        result.dryRun ? ' (dry run: nothing changed)' : ''
      }`
    );
    lines.push(...org.steps.map(formatStep));
    if (!org.steps.length) lines.push('  nothing to do');
    lines.push(...org.notes.map((n) => `  note: ${n}`));
    for (const h of org.handoff) lines.push(`  handoff ${h.vendor}: ${h.item}`);
    if (org.outcome === 'partial' || org.outcome === 'failed')
      lines.push(
        `  Not everything was done. Run the same ${result.command} again: it re-reads the org and does only what is left.`
      );
    if (org.record) lines.push(`  record: ${org.record}`);
  }
  lines.push(runSummary(result.orgs.map((o) => lifecycleVerdict(o.outcome))));
  return lines;
};
