import { lifecycleCommand } from './lifecycleCommand';

export const resumeCommand = lifecycleCommand(
  'resume',
  () => (require('../lifecycle/resumeOrgs') as typeof import('../lifecycle/resumeOrgs')).resumeOrgs
);
