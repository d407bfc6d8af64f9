export type { HardeningPlan } from './planHardening';
export { planHardening } from './planHardening';
export { applyHardening, standardProfile, withHardenedProfile } from './applyHardening';
export type { HardeningFinding } from './hardeningFindings';
export { hardeningChanges, hardeningFindings } from './hardeningFindings';
