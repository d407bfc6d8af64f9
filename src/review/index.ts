export type { PermissionRow, PermissionSetReview, VendorReview } from './vendorReview';
export { buildVendorReview } from './vendorReview';
export { renderReviewMarkdown } from './renderReviewMarkdown';
