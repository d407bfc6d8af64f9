import type { ReviewChange } from './reviewDiff';
import { permissionSetChangeGraph } from './permissionGraph';
import { renderReviewMarkdown } from './renderReviewMarkdown';
import type { VendorReview } from './vendorReview';

/** GitHub refuses comments over 65,536 characters; stay below with room for a wrapper. */
export const MAX_COMMENT_CHARS = 65_000;

/** Tier 0-1 permissions that only a dependency brings in. */
const implied = (review: VendorReview): number =>
  review.permissionSets.flatMap((s) => s.permissions).filter((p) => p.impliedBy && p.tier !== undefined && p.tier <= 1)
    .length;

const changeLine = (c: ReviewChange): string => {
  const line = `${c.sign} ${c.text}`;
  return c.tier !== undefined && c.tier <= 1 ? `- **${line}**` : `- ${line}`;
};

/** Per permission set whose permissions changed: a graph of the added and removed ones and the chains that bring them. */
const changeGraphs = (before: VendorReview | undefined, after: VendorReview | undefined): string[] => {
  const names = new Set([...(before?.permissionSets ?? []), ...(after?.permissionSets ?? [])].map((s) => s.name));
  return [...names].flatMap((name) => {
    const graph = permissionSetChangeGraph(
      before?.permissionSets.find((s) => s.name === name),
      after?.permissionSets.find((s) => s.name === name)
    );
    return graph.length ? [`Permission set \`${name}\`: what changed`, '', ...graph, ''] : [];
  });
};

/**
 * The review as one Markdown PR comment: what changed since the base first (tier 0-1 in bold), then
 * each vendor's full review in a collapsible section. Details are cut, with a note, to fit.
 */
export const renderPullRequestReview = (
  reviews: VendorReview[],
  options: { base?: string; changes?: ReviewChange[]; baseReviews?: VendorReview[] } = {}
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
        '',
        ...changeGraphs(
          options.baseReviews?.find((r) => r.vendor === vendor),
          reviews.find((r) => r.vendor === vendor)
        )
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
      implied(review) ? `, ${implied(review)} implied tier 0-1` : ''
    })</summary>\n\n${renderReviewMarkdown(review)}\n</details>\n\n`;
    const note = `_${review.title}: full review left out to fit a PR comment; run \`vendor-access review --vendor ${review.vendor}\`._\n\n`;
    body += body.length + section.length <= MAX_COMMENT_CHARS - 200 ? section : note;
  }
  return body;
};
