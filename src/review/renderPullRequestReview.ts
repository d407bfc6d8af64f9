import type { ReviewChange } from './reviewDiff';
import { renderReviewMarkdown } from './renderReviewMarkdown';
import type { VendorReview } from './vendorReview';

/** GitHub refuses comments over 65,536 characters; stay below with room for a wrapper. */
export const MAX_COMMENT_CHARS = 65_000;

const changeLine = (c: ReviewChange): string => {
  const line = `${c.sign} ${c.text}`;
  return c.tier !== undefined && c.tier <= 1 ? `- **${line}**` : `- ${line}`;
};

/**
 * The review as one Markdown PR comment: what changed since the base first (tier 0-1 in bold), then
 * each vendor's full review in a collapsible section. Details are cut, with a note, to fit.
 */
export const renderPullRequestReview = (
  reviews: VendorReview[],
  options: { base?: string; changes?: ReviewChange[] } = {}
): string => {
  const head: string[] = ['## vendor-access permission review', ''];
  if (options.base !== undefined) {
    const changes = options.changes ?? [];
    head.push(`### Changes since \`${options.base}\` (${changes.length})`, '');
    if (!changes.length)
      head.push('No change to permissions, objects, the External Client App, trusted ranges or integration users.');
    for (const vendor of [...new Set(changes.map((c) => c.vendor))]) {
      head.push(
        `**${reviews.find((r) => r.vendor === vendor)?.title ?? vendor}**`,
        '',
        ...changes.filter((c) => c.vendor === vendor).map(changeLine),
        ''
      );
    }
    head.push('');
  }
  let body = head.join('\n');
  for (const review of reviews) {
    const section = `<details><summary>${review.title}: full review (${review.permissionSets.reduce(
      (n, s) => n + s.permissions.length,
      0
    )} permissions${
      review.alerts.length ? `, ${review.alerts.length} implied tier 0-1` : ''
    })</summary>\n\n${renderReviewMarkdown(review)}\n</details>\n\n`;
    const note = `_${review.title}: full review left out to fit a PR comment; run \`vendor-access review --vendor ${review.vendor}\`._\n\n`;
    body += body.length + section.length <= MAX_COMMENT_CHARS - 200 ? section : note;
  }
  return body;
};
