import { lifecycleCommand } from './lifecycleCommand';

export const resumeCommand = lifecycleCommand(
  'resume',
  // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: --help and the other commands never load this (test/startup)
  () => (require('../lifecycle') as typeof import('../lifecycle')).resumeOrgs
);
