export { DEFAULT_WAIT_MINUTES } from './deployWait';
export type { Finding } from './findings';
export type { OrgError } from './orgError';
export { orgError } from './orgError';
export { exitCodeOfRun, isOrgFailure, runOrgs } from './runOrgs';
export { writeRunRecord } from './runRecord';
export type { OrgFailure } from './runOrgs';
export { prepareRecordFolder } from './runRecord';
