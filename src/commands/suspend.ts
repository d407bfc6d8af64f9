import { lifecycleCommand } from './lifecycleCommand';

export const suspendCommand = lifecycleCommand(
  'suspend',
  // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: --help and the other commands never load this (test/startup)
  () => (require('../lifecycle') as typeof import('../lifecycle')).suspendOrgs
);
