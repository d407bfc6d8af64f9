export type { HardeningPlan } from './planHardening';
export { planHardening } from './planHardening';
export type { HardeningFinding } from './hardeningFindings';
export { hardeningChanges, hardeningFindings } from './hardeningFindings';
