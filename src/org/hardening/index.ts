export type { HardeningPlan } from './planHardening';
export { planHardening } from './planHardening';
export { applyHardening, withHardenedProfile } from './applyHardening';
