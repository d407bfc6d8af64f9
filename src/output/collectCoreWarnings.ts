/** Where Lifecycle warnings go while a command runs; undefined between runs. */
let sink: string[] | undefined;

/**
 * Lifecycle warnings (SDR's replacements, core's insecure-URL notice) belong in our output, not on
 * the process's warning channel. The listener is registered once per process under a unique id, so
 * running the CLI many times in one process (tests, scripts) never piles up listeners; between
 * runs it collects nothing. Registering it loads @salesforce/core, so the CLI calls this only for
 * commands that load core anyway (CommandSpec.usesSalesforceLibraries).
 *
 * @returns a function that stops collecting into `into`.
 */
export const collectCoreWarnings = (into: string[]): (() => void) => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy: loaded only when a command uses @salesforce/core (test/startup)
  const { Lifecycle } = require('@salesforce/core/lifecycle') as typeof import('@salesforce/core/lifecycle');
  sink = into;
  Lifecycle.getInstance().on(
    Lifecycle.warningEventName,
    // Lifecycle awaits its listeners; this one has nothing to wait for.
    (warning: string): Promise<void> => {
      if (!/insecure protocol/i.test(warning)) sink?.push(warning);
      return Promise.resolve();
    },
    'vendor-access-cli-warnings'
  );
  return () => {
    if (sink === into) sink = undefined;
  };
};
