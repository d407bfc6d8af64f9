/**
 * Lifecycle warnings (SDR's replacements, core's insecure-URL notice) belong in our output, not on
 * the process's warning channel. Registering the listener loads @salesforce/core, so the CLI calls
 * this only for commands that load core anyway (CommandSpec.usesSalesforceLibraries).
 */
export const collectCoreWarnings = (into: string[]): void => {
  const { Lifecycle } = require('@salesforce/core/lifecycle') as typeof import('@salesforce/core/lifecycle');
  Lifecycle.getInstance().onWarning(async (warning: string) => {
    if (!/insecure protocol/i.test(warning)) into.push(warning);
  });
};
