import { inspectCertificate } from '../../certificate';
import type { ValueChange } from '../../metadata';
import { problemText } from '../../problems';
import { type Verdict, runSummary } from '../../output';
import { describeGap } from './orgFeatures';
import type { OrgPlan, PlanResult } from './planOrg';

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * A value as a reviewer reads it: a certificate (the app's, the org's) as its fingerprint and expiry,
 * never its whole PEM; anything else as it is.
 */
const shown = (value: string | undefined): string | undefined =>
  value?.replace(PEM, (pem) => {
    try {
      const c = inspectCertificate(pem, { source: 'a certificate in the metadata' });
      return `certificate SHA-256 ${c.sha256Fingerprint.slice(0, 23)}… expires ${c.notAfter.slice(0, 10)}`;
    } catch {
      return 'an unreadable certificate';
    }
  });

/** Groups path-level changes into lines a reviewer reads: `+ userPermissions ViewRoles`, `~ label: a → b`. */
export const summariseChanges = (changes: ValueChange[]): string[] => {
  const entries = new Map<string, ValueChange[]>();
  const plain: ValueChange[] = [];
  for (const change of changes) {
    const match = /^([^/[]+)\[([^\]]+)\]\//.exec(change.path);
    if (match) {
      const key = `${match[1] ?? ''} ${match[2] ?? ''}`;
      entries.set(key, [...(entries.get(key) ?? []), change]);
    } else plain.push(change);
  }
  const lines: string[] = [];
  for (const [entry, list] of entries) {
    if (list.every((c) => c.from === undefined)) lines.push(`+ ${entry}`);
    else if (list.every((c) => c.to === undefined)) lines.push(`- ${entry}`);
    else for (const c of list) lines.push(`~ ${c.path}: ${shown(c.from) ?? '(none)'} → ${shown(c.to) ?? '(none)'}`);
  }
  for (const { path, from: rawFrom, to: rawTo } of plain) {
    const c = { path, from: shown(rawFrom), to: shown(rawTo) };
    lines.push(
      c.from === undefined
        ? `+ ${c.path}: ${c.to ?? ''}`
        : c.to === undefined
        ? `- ${c.path}: ${c.from}`
        : `~ ${c.path}: ${c.from} → ${c.to}`
    );
  }
  return lines;
};

/** An org's plan is good when it passed preflight (messages/exitCodes.md, command.plan). */
export const planVerdict = (plan: Pick<OrgPlan, 'problems'>): Verdict =>
  plan.problems.some((p) => p.severity === 'error') ? 'failed' : 'ok';

export const formatPlan = (result: PlanResult): string[] => {
  const lines: string[] = [];
  for (const org of result.orgs) {
    if ('error' in org) {
      lines.push(
        `${org.targetOrg}: cannot plan: ${org.error.message}`,
        ...org.error.actions.map((a) => `  Try: ${a}`),
        ''
      );
      continue;
    }
    lines.push(
      `${org.targetOrg}: ${org.inSync ? 'in sync, a deploy would change nothing' : 'changes a deploy would make'}`
    );
    // Warnings are said once for the whole run, with their orgs (the CLI's warnings); errors stay here.
    for (const p of org.problems.filter((x) => x.severity === 'error'))
      lines.push(`  ${problemText(p).replace(/\n/g, '\n  ')}`);
    for (const c of org.components.filter((x) => x.action !== 'none')) {
      lines.push(`  ${c.action === 'create' ? 'create' : 'update'} ${c.component}`);
      if (c.action === 'update') for (const l of summariseChanges(c.changes)) lines.push(`    ${l}`);
    }
    if (org.trustedRanges) {
      for (const r of org.trustedRanges.add)
        lines.push(`  + trusted range ${r.start}-${r.end} "${r.description ?? ''}" (${r.owner})`);
      lines.push(`  trusted ranges kept: ${org.trustedRanges.keep}`);
    }
    for (const u of org.users) {
      if (u.action === 'create') lines.push(`  create user ${u.username} (${u.vendor})`);
      for (const a of u.assign) lines.push(`  assign ${a} to ${u.username}`);
    }
    for (const change of org.hardeningChanges) lines.push(`  ${change}`);
    for (const n of org.notes) lines.push(`  note: ${n}`);
    for (const g of org.featureGaps) lines.push(`  without: ${describeGap(g)}`);
    lines.push('');
  }
  lines.push(runSummary(result.orgs.map((o) => ('error' in o ? 'failed' : planVerdict(o)))));
  return lines;
};
