import { TIER_RULES, RiskTier } from '../metadata';
import { permissionSetGraph } from './permissionGraph';
import type { VendorReview } from './vendorReview';

const tierText = (tier: RiskTier | undefined): string =>
  tier === undefined ? '?' : tier <= 1 ? `**${tier}**` : String(tier);

/** The vendor's own app and the OAuth scopes its guide says it requests. */
const vendorAppLines = (review: VendorReview): string[] => {
  const app = review.vendorApp;
  if (!app) return [];
  const lines = [
    `### The vendor's own app: ${app.name}`,
    '',
    `The org consents to ${review.title}'s app; its guide (${app.source}) says it requests these OAuth scopes:`,
    '',
    '| Scope | Lets the app |',
    '|---|---|',
    ...app.scopes.map((s) => `| \`${s.scope}\` | ${s.lets} |`),
    '',
  ];
  if (app.policies) lines.push(`Policies set by hand: ${app.policies}`, '');
  return lines;
};

/** The review as Markdown, suitable for a pull-request comment. */
export const renderReviewMarkdown = (review: VendorReview, context: { values?: string } = {}): string => {
  const lines: string[] = [`## ${review.title}: permission review`, ''];
  if (context.values) lines.push(`Values: \`${context.values}\``, '');
  if (review.alerts.length) {
    lines.push('> [!WARNING]', '> Powerful permissions granted only because another permission requires them:');
    for (const alert of review.alerts) lines.push(`> - ${alert}`);
    lines.push('');
  }
  for (const set of review.permissionSets) {
    lines.push(`### Permission set \`${set.name}\` (${set.label})`, '');
    lines.push(`Licence: ${set.license ?? 'None'}. Assigned: ${set.assigned}.`, '');
    // The graph for the eye (guide requests → what each implies, tier 0 and 1 highlighted); the table below says the same for screen readers.
    lines.push(...permissionSetGraph(set), '');
    lines.push('| Permission (Setup label) | API name | Why | Tier |', '|---|---|---|---|');
    for (const row of set.permissions)
      lines.push(`| ${row.label} | \`${row.apiName}\` | ${row.why} | ${tierText(row.tier)} |`);
    lines.push('');
    if (set.objects.length) {
      lines.push('| Object | Access | Tier |', '|---|---|---|');
      for (const o of set.objects) lines.push(`| \`${o.object}\` | ${o.access.join(', ')} | ${o.tier} |`);
      lines.push('');
    }
  }
  if (review.resolvedAtDeploy.length) {
    lines.push('### Settled by the org at deploy time', '');
    for (const note of review.resolvedAtDeploy) lines.push(`- ${note}`);
    lines.push('');
  }
  if (review.externalClientApp) {
    const eca = review.externalClientApp;
    lines.push(`### External Client App \`${eca.name}\``, '', `OAuth scopes: ${eca.scopes}.`, '');
    for (const [key, value] of Object.entries(eca.policies)) lines.push(`- ${key}: \`${value}\``);
    lines.push('');
  }
  lines.push(...vendorAppLines(review));
  lines.push('### Trusted IP ranges', '');
  if (review.trustedRanges.length) {
    lines.push('| Owner | Description | Start | End | Addresses |', '|---|---|---|---|---|');
    for (const r of review.trustedRanges)
      lines.push(`| ${r.owner} | ${r.description ?? ''} | ${r.start} | ${r.end} | ${r.size} |`);
  } else lines.push('None.');
  lines.push('');
  const user = review.integrationUser;
  lines.push(
    '### Integration user',
    '',
    user
      ? `User licence ${user.userLicense}; profile ${user.profile}; permission set licences ${
          user.permissionSetLicenses.join(', ') || 'none'
        }; permission sets ${user.permissionSets.join(', ')}.`
      : 'None: this vendor needs no integration user in the org.',
    ''
  );
  const c = review.credentials;
  const mode =
    c.mode === 'per org'
      ? `chosen per org in the values file (vendors.${review.vendor}.hardening.restrictLoginToVendorRanges), off by default`
      : c.mode;
  const k = review.credential;
  lines.push(
    '### Who can use these credentials',
    '',
    `OAuth flow: ${k.flow}.`,
    '',
    `Credential that grants access: ${k.credential}`,
    '',
    `Held by: ${k.holder}`,
    '',
    `What the org limits: ${k.limits}`,
    '',
    `Hardened mode: ${mode}. ${c.why}`,
    '',
    `Addresses: ${c.addresses}`,
    '',
    'Risk that remains:',
    ...[...new Set([...c.risks, ...k.risks])].map((r) => `- ${r}`),
    ''
  );
  lines.push('<details><summary>Risk tiers</summary>', '');
  for (const [tier, rule] of Object.entries(TIER_RULES)) lines.push(`- Tier ${tier}: ${rule}.`);
  lines.push('', '</details>', '');
  return lines.join('\n');
};
