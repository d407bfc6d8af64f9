import type { Finding } from '../findings';
import type { OrgVerification, VerifyResult } from './verifyOrgs';

type OrgOutcome = VerifyResult['orgs'][number];

// Org text (component names, error messages) goes into a table and into HTML: nothing in it may
// close a cell, open a tag or break the row.
const inline = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');

/** Worst first: an org we could not read (its state unknown), then drift (most failing checks first), then warnings, then verified. */
const rank = (o: OrgOutcome): number[] => {
  if ('error' in o) return [0, 0];
  const failing = new Set(o.findings.filter((f) => !f.ok).map((f) => f.check ?? f.code)).size;
  if (failing) return [1, -failing];
  return o.findings.some((f) => f.warning) ? [2, 0] : [3, 0];
};
const byRank = (a: OrgOutcome, b: OrgOutcome): number => {
  const [ra, rb] = [rank(a), rank(b)];
  return (ra[0] ?? 0) - (rb[0] ?? 0) || (ra[1] ?? 0) - (rb[1] ?? 0) || a.targetOrg.localeCompare(b.targetOrg);
};

const failingChecks = (o: OrgVerification): string[] => [
  ...new Set(o.findings.filter((f) => !f.ok).map((f) => f.check ?? f.code)),
];

const status = (o: OrgOutcome): string => {
  if ('error' in o) return '❌ unreachable';
  if (!o.ok) return '❌ drifted';
  const warnings = o.findings.filter((f) => f.warning).length;
  return warnings ? `⚠️ verified, ${warnings} warning(s)` : '✅ verified';
};

/** The fewest days left of the org's vendor app certificates (the one to renew first), naming the app when there are several. */
const certificateDays = (o: OrgVerification): string => {
  const unreadable = o.certificates.filter((c) => c.daysLeft === undefined).map((c) => `${c.app}: unreadable`);
  if (unreadable.length) return unreadable.join(', ');
  const soonest = [...o.certificates].sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0))[0];
  if (!soonest) return '–';
  return o.certificates.length > 1 ? `${soonest.daysLeft ?? ''} (${soonest.app})` : String(soonest.daysLeft);
};

/** ISO date-time to minutes, UTC: `2026-12-05 09:12`. */
const minute = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 16).replace('T', ' ');
};

const lastLogins = (o: OrgVerification): string =>
  o.vendorUsers.length
    ? o.vendorUsers
        .map((u) => `${u.vendor}: ${!u.exists ? 'no user' : u.lastLogin ? minute(u.lastLogin) : 'never'}`)
        .join('; ')
    : '–';

/** A pass is its check's name; a failure or warning says what was found, what differs and the fix. */
const findingLine = (f: Finding): string =>
  f.ok && !f.warning
    ? `- ✅ ${inline(f.check ?? f.what)}`
    : `- ${f.warning ? '⚠️' : '❌'} **${inline(f.check ?? f.code)}**: ${inline(f.what)}${
        f.detail ? `<br>${inline(f.detail)}` : ''
      }${!f.ok && f.fix ? `<br>Fix: ${inline(f.fix)}` : ''}`;

const details = (o: OrgOutcome): string[] => {
  if ('error' in o)
    return [
      `<details><summary>${inline(o.targetOrg)}: cannot verify (${inline(o.error.name)})</summary>`,
      '',
      `${inline(o.error.message)}`,
      ...o.error.actions.map((a) => `- Try: ${inline(a)}`),
      '',
      '</details>',
    ];
  // Failures and warnings first; passing checks last, so the folded list reads as the table does.
  const order = (f: Finding): number => (!f.ok ? 0 : f.warning ? 1 : 2);
  const findings = [...o.findings].sort((a, b) => order(a) - order(b));
  const failing = failingChecks(o).length;
  return [
    `<details><summary>${inline(o.targetOrg)}: ${failing ? `${failing} failing check(s), ` : ''}${
      o.findings.length
    } finding(s)</summary>`,
    '',
    ...findings.map(findingLine),
    '',
    '</details>',
  ];
};

/**
 * verify as GitHub-flavoured Markdown for a job summary or a PR: one table row per org, worst first
 * (org, status, failing checks, certificate days left, last vendor login), then each org's findings
 * folded in <details>. Lines, as every formatter returns them.
 */
export const formatVerifyMarkdown = (result: VerifyResult): string[] => {
  const orgs = [...result.orgs].sort(byRank);
  const attention = orgs.filter((o) => !o.ok).length;
  return [
    `## vendor-access verify: ${
      attention ? `${attention} of ${orgs.length} org(s) need attention` : `${orgs.length} org(s) as intended`
    }`,
    '',
    '| Org | Status | Failing checks | Certificate days left | Last vendor login |',
    '| --- | --- | --- | --- | --- |',
    ...orgs.map((o) =>
      'error' in o
        ? `| ${inline(o.targetOrg)} | ${status(o)} | cannot verify: ${inline(o.error.message)} | – | – |`
        : `| ${inline(o.targetOrg)} | ${status(o)} | ${inline(failingChecks(o).join('; ')) || '–'} | ${certificateDays(
            o
          )} | ${inline(lastLogins(o))} |`
    ),
    '',
    ...orgs.flatMap(details),
  ];
};
