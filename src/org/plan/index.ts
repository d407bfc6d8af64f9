export { analyseOrg, parseTrustedRanges } from './analyseOrg';
export { buildChangedWorkspace } from './changedWorkspace';
export { formatPlan } from './formatPlan';
export type { FeatureGap } from './orgFeatures';
export { describeGap } from './orgFeatures';
export type { OrgPlan, PlanResult } from './planOrg';
export { planOrgs } from './planOrg';
