export type { PermissionRow, PermissionSetReview, VendorReview } from './vendorReview';
export { buildVendorReview } from './vendorReview';
export { renderReviewMarkdown } from './renderReviewMarkdown';
export type { ReviewChange } from './reviewDiff';
export { diffReviews } from './reviewDiff';
export { MAX_COMMENT_CHARS, renderPullRequestReview } from './renderPullRequestReview';
export type { ProjectReview } from './reviewProject';
export { reviewProject } from './reviewProject';
