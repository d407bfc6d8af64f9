export { formatVerifyMarkdown } from './formatVerifyMarkdown';
export { formatVerifyResult } from './formatVerifyResult';
export type { VerifyOptions, VerifyResult } from './verifyOrgs';
export { verifyOrgs } from './verifyOrgs';
