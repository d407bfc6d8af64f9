import { runSummary } from '../output';
import type { ActivityResult } from './activityOrgs';
import type { VendorActivity } from './readActivity';

const day = (iso: string): string => (iso ? iso.replace(/\.\d{3}\+0000$/, 'Z').replace('T', ' ') : 'never');

const summary = (v: VendorActivity): string => {
  const outside = v.logins.filter((l) => l.outsideRanges).length;
  const failed = v.logins.filter((l) => !/^Success/i.test(l.status)).length;
  return `${v.logins.length} login(s), ${failed} failed, ${
    v.rangesKnown ? `${outside} from outside its trusted ranges` : 'no trusted ranges to compare with'
  }; ${
    v.tokensVisible
      ? `${v.tokens.length} OAuth token(s)`
      : 'OAuth tokens not visible (the connected user lacks Customize Application)'
  }; ${
    v.api.available
      ? `${v.api.requests} API request(s) in ${v.api.days} day(s) of event logs`
      : `API volume not available: ${v.api.why}`
  }`;
};

/** One vendor in one org: who, the summary, its logins and its OAuth tokens. */
const vendorLines = (v: VendorActivity, md: boolean): string[] => {
  const lines: string[] = [];
  lines.push(
    md ? `\n### ${v.vendor}: ${v.username}\n\n${summary(v)}\n` : `  ${v.vendor}: ${v.username}\n    ${summary(v)}`
  );
  if (!v.userFound) {
    const why = v.api.available ? 'no such user in this org' : v.api.why;
    lines.push(md ? `_${why}_` : `    ${why}`);
    return lines;
  }
  if (v.logins.length) {
    if (md)
      lines.push('| time (UTC) | source IP | status | application | login type | flag |', '|---|---|---|---|---|---|');
    else lines.push('    logins:');
    for (const l of v.logins) {
      const flag = l.outsideRanges ? 'OUTSIDE TRUSTED RANGES' : '';
      lines.push(
        md
          ? `| ${day(l.time)} | ${l.sourceIp} | ${l.status} | ${l.application} | ${l.loginType} | ${
              flag ? `**${flag}**` : ''
            } |`
          : `      ${day(l.time)}  ${l.sourceIp.padEnd(15)}  ${l.status}  ${l.application}  ${l.loginType}${
              flag ? `  <-- ${flag}` : ''
            }`
      );
    }
  }
  if (v.tokens.length) {
    if (md) lines.push('', '| OAuth token of app | created | last used | uses |', '|---|---|---|---|');
    else lines.push('    OAuth tokens:');
    for (const t of v.tokens)
      lines.push(
        md
          ? `| ${t.app} | ${day(t.created)} | ${day(t.lastUsed)} | ${t.useCount} |`
          : `      ${t.app}: created ${day(t.created)}, last used ${day(t.lastUsed)}, ${t.useCount} use(s)`
      );
  }
  return lines;
};

/** One page per org: "what did this vendor do in this org", as text or Markdown. */
export const formatActivity = (result: ActivityResult, format: 'text' | 'markdown'): string[] => {
  const md = format === 'markdown';
  const lines: string[] = [];
  for (const org of result.orgs) {
    if ('error' in org) {
      lines.push(
        `${md ? '## ' : ''}${org.targetOrg}: FAILED`,
        `Error (${org.error.name}): ${org.error.message}`,
        ...org.error.actions.map((a) => `  ${a}`),
        ''
      );
      continue;
    }
    lines.push(
      md
        ? `## ${org.targetOrg} (${org.orgId}) since ${result.since}`
        : `${org.targetOrg} (${org.orgId}) since ${result.since}`
    );
    for (const v of org.vendors) lines.push(...vendorLines(v, md));
    lines.push(md ? `\n_Record: ${org.record}_\n` : `  record: ${org.record}`);
  }
  lines.push(runSummary(result.orgs.map((o) => ('error' in o ? 'failed' : 'ok'))));
  return lines;
};
