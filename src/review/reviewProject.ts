import { diffReviews, ReviewChange } from './reviewDiff';
import { renderPullRequestReview } from './renderPullRequestReview';
import { checkoutRevision, reviewTree } from './reviewTree';
import type { VendorReview } from './vendorReview';

export type ProjectReview = { base?: string; changes?: ReviewChange[]; vendors: VendorReview[]; markdown: string };

/** The permission review of the working tree, and with `base` what changed since that revision. */
export const reviewProject = (projectDir: string, options: { vendors: string[]; base?: string }): ProjectReview => {
  const vendors = reviewTree(projectDir, options.vendors, true);
  if (options.base === undefined) return { vendors, markdown: renderPullRequestReview(vendors) };
  const base = checkoutRevision(projectDir, options.base);
  try {
    const baseReviews = reviewTree(base.dir, options.vendors);
    const changes = diffReviews(baseReviews, vendors);
    return {
      base: options.base,
      changes,
      vendors,
      markdown: renderPullRequestReview(vendors, { base: options.base, changes, baseReviews }),
    };
  } finally {
    base.cleanup();
  }
};
