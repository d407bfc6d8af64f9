import { problemText } from '../../inputs/problemText';
import { describeGap } from '../plan/orgFeatures';
import type { DeployOrgsResult, OrgFailure } from './deployOrgs';
import type { OrgDeployReport } from './deployToOrg';

const isFailure = (r: OrgDeployReport | OrgFailure): r is OrgFailure => 'error' in r;

/** What a release engineer reads after deploy: per org, the outcome, what changed, what to hand over. */
export const formatDeployResult = (result: DeployOrgsResult): string[] => {
  const lines: string[] = [];
  for (const report of result.orgs) {
    if (isFailure(report)) {
      lines.push(
        `${report.targetOrg}: FAILED: ${report.error.message}`,
        ...report.error.actions.map((a) => `  Try: ${a}`),
        ''
      );
      continue;
    }
    const who = report.username === report.targetOrg ? report.orgId : `${report.username}, ${report.orgId}`;
    lines.push(`${report.targetOrg} (${who}): ${report.outcome.toUpperCase()}`);
    for (const problem of report.problems) lines.push(`  ${problemText(problem).replace(/\n/g, '\n  ')}`);
    if (report.problems.some((p) => p.severity === 'error') && !report.deploy)
      lines.push('  Nothing was sent to the org.');
    if (report.deploy) {
      lines.push(`  ${report.deploy.checkOnly ? 'validation' : 'deploy'} ${report.deploy.id}: ${report.deploy.status}`);
      if (report.deploy.errorMessage) lines.push(`    ${report.deploy.errorMessage}`);
      for (const c of report.deploy.components.filter((x) => x.state === 'Failed'))
        lines.push(`    FAILED ${c.type}:${c.fullName}: ${c.error ?? ''}`);
    }
    if (report.outcome === 'unknown' && report.deploy)
      lines.push(
        `  How deploy ${report.deploy.id} ended is unknown. Find out with: vendor-access deploy --resume ${report.deploy.id} -o ${report.targetOrg}`
      );
    if (report.outcome === 'running' && report.deploy)
      lines.push(
        `  Still running in the org. Pick it up with: vendor-access deploy --resume ${report.deploy.id} -o ${report.targetOrg}`
      );
    if (report.trustedRanges) {
      const t = report.trustedRanges;
      lines.push(`  trusted IP ranges: ${t.added.length} added, ${t.kept} existing kept, ${t.total} in all`);
      for (const a of t.alreadyTrusted)
        lines.push(
          `    ${a.wanted.description ?? ''} (${a.wanted.start}-${a.wanted.end}) already trusted as "${
            a.existing.description ?? ''
          }"`
        );
      for (const s of t.stale)
        lines.push(
          `    ${s.description ?? ''} (${s.start}-${s.end}) is described as ${s.owner}'s but ${
            s.owner
          } no longer lists it: kept; review it`
        );
    }
    for (const note of report.notes) lines.push(`  note: ${note}`);
    for (const gap of report.featureGaps) lines.push(`  without: ${describeGap(gap)}`);
    for (const user of report.users) {
      lines.push(
        `  user ${user.username}: ${user.created ? 'created' : 'exists'} (${user.profile}); assigned ${
          [...user.permissionSetLicensesAssigned, ...user.permissionSetsAssigned].join(', ') || 'nothing new'
        }`
      );
    }
    if (report.handoff.length) {
      lines.push('  handoff:');
      for (const h of report.handoff) {
        if (h.kind === 'give')
          lines.push(`    give ${h.vendor}: ${h.item}: ${h.value ?? `copy it from ${h.where ?? 'Setup'}`}`);
        else
          lines.push(
            `    ${h.kind === 'limit' ? 'limit' : 'manual'} (${h.vendor}): ${h.item}${
              h.where ? `\n      ${h.where}` : ''
            }`
          );
      }
    }
    lines.push('');
  }
  lines.push(...result.records.map((r) => `deploy record: ${r}`));
  return lines;
};
