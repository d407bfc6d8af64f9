import { lifecycleCommand } from './lifecycleCommand';

export const suspendCommand = lifecycleCommand(
  'suspend',
  () => (require('../lifecycle/suspendOrgs') as typeof import('../lifecycle/suspendOrgs')).suspendOrgs
);
