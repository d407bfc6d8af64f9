export type { HardeningPlan } from './planHardening';
export { planHardening } from './planHardening';
export { hardeningChanges, hardeningFindings } from './hardeningFindings';
