import { problemText } from '../../problems';
import { runSummary } from '../../output';
import { orgHeading } from '../read/orgHeading';
import { describeGap } from '../plan/orgFeatures';
import { orgFlagHint } from '../read/loginFix';
import type { DeployOrgsResult, OrgFailure } from './deployOrgs';
import { deployVerdict } from './deployVerdict';
import type { OrgDeployReport } from './deployToOrg';

const isFailure = (r: OrgDeployReport | OrgFailure): r is OrgFailure => 'error' in r;

/** The deploy or validation the org ran, and where to pick it up when its end is not known. */
const deployLines = (report: OrgDeployReport): string[] => {
  const deploy = report.deploy;
  if (!deploy) return [];
  const lines = [`  ${deploy.checkOnly ? 'validation' : 'deploy'} ${deploy.id}: ${deploy.status}`];
  if (deploy.errorMessage) lines.push(`    ${deploy.errorMessage}`);
  for (const c of deploy.components.filter((x) => x.state === 'Failed'))
    lines.push(`    FAILED ${c.type}:${c.fullName}: ${c.error ?? ''}`);
  if (report.outcome === 'unknown')
    lines.push(
      `  How deploy ${deploy.id} ended is unknown. Find out with: vendor-access deploy --resume ${
        deploy.id
      } ${orgFlagHint(report.targetOrg)}`
    );
  if (report.outcome === 'running')
    lines.push(
      `  Still running in the org. Pick it up with: vendor-access deploy --resume ${deploy.id} ${orgFlagHint(
        report.targetOrg
      )}`
    );
  return lines;
};

const trustedRangeLines = (t: NonNullable<OrgDeployReport['trustedRanges']>): string[] => [
  `  trusted IP ranges: ${t.added.length} added, ${t.kept} existing kept, ${t.total} in all`,
  ...t.alreadyTrusted.map(
    (a) =>
      `    ${a.wanted.description ?? ''} (${a.wanted.start}-${a.wanted.end}) already trusted as "${
        a.existing.description ?? ''
      }"`
  ),
  ...t.stale.map(
    (s) =>
      `    ${s.description ?? ''} (${s.start}-${s.end}) is described as ${s.owner}'s but ${
        s.owner
      } no longer lists it: kept; review it`
  ),
];

const handoffLines = (handoff: OrgDeployReport['handoff']): string[] =>
  handoff.length
    ? [
        '  handoff:',
        ...handoff.map((h) =>
          h.kind === 'give'
            ? `    give ${h.vendor}: ${h.item}: ${h.value ?? `copy it from ${h.where ?? 'Setup'}`}`
            : `    ${h.kind === 'limit' ? 'limit' : 'manual'} (${h.vendor}): ${h.item}${
                h.where ? `\n      ${h.where}` : ''
              }`
        ),
      ]
    : [];

/** One org's report: its outcome, problems, what changed, its users and what to hand over. */
const reportLines = (report: OrgDeployReport): string[] => {
  const lines = [`${orgHeading(report)}: ${report.outcome.toUpperCase()}`];
  // Warnings are said once for the whole run, with their orgs (the CLI's warnings); errors stay here.
  for (const problem of report.problems.filter((p) => p.severity === 'error'))
    lines.push(`  ${problemText(problem).replace(/\n/g, '\n  ')}`);
  if (report.problems.some((p) => p.severity === 'error') && !report.deploy)
    lines.push('  Nothing was sent to the org.');
  lines.push(...deployLines(report));
  if (report.trustedRanges) lines.push(...trustedRangeLines(report.trustedRanges));
  for (const note of report.notes) lines.push(`  note: ${note}`);
  for (const gap of report.featureGaps) lines.push(`  without: ${describeGap(gap)}`);
  for (const user of report.users) {
    lines.push(
      `  user ${user.username}: ${user.created ? 'created' : 'exists'} (${user.profile}); assigned ${
        [...user.permissionSetLicensesAssigned, ...user.permissionSetsAssigned].join(', ') || 'nothing new'
      }`
    );
  }
  return [...lines, ...handoffLines(report.handoff), ''];
};

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
    lines.push(...reportLines(report));
  }
  lines.push(...result.records.map((r) => `deploy record: ${r}`));
  lines.push(runSummary(result.orgs.map((o) => (isFailure(o) ? 'failed' : deployVerdict(o.outcome)))));
  return lines;
};
