import type { Logger as CoreLogger } from '@salesforce/core/logger';

/**
 * Commands that contact no org (`check`) keep @salesforce/core's log in memory instead of starting
 * its file logger. The file logger runs pino through a worker thread (thread-stream), which took
 * about a third of `check`'s CPU time (bench/startup.bench.js), for a WARN-level log of SDR
 * internals that an offline check never needs. Commands that talk to an org keep core's default,
 * the log file under ~/.sf, where an org problem is debugged. Setting SF_DISABLE_LOG_FILE (to
 * either value) leaves the choice to core, as the sf CLI does.
 */
export const keepCoreLogInMemory = (): void => {
  if (process.env.SF_DISABLE_LOG_FILE !== undefined || process.env.SFDX_DISABLE_LOG_FILE !== undefined) return;
  // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: loaded only when a command uses @salesforce/core (test/startup)
  const { Logger } = require('@salesforce/core/logger') as { Logger: typeof CoreLogger };
  try {
    // The first root logger decides for the process; one that exists already stays as it is.
    new Logger({ name: Logger.ROOT_NAME, useMemoryLogger: true });
  } catch {
    // RedundantRootLoggerError: core's root logger was created before this command ran.
  }
};
