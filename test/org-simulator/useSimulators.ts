import { Connection, Lifecycle } from '@salesforce/core';
import { connectToSimulator } from './connect';
import { OrgSimulator, resetUsernameRegistry, startOrgSimulator } from './index';

/**
 * Several simulated orgs per test, each with a connection; all stopped after each test and the
 * process-wide username registry cleared, so one test's users never collide with the next one's.
 */
export const useSimulators = (): ((
  options?: Parameters<typeof startOrgSimulator>[0]
) => Promise<{ sim: OrgSimulator; connection: Connection }>) => {
  const sims: OrgSimulator[] = [];
  afterEach(async () => {
    await Promise.all(sims.splice(0).map((s) => s.stop()));
    resetUsernameRegistry();
  });
  return async (options = {}) => {
    Lifecycle.getInstance().onWarning(async () => {});
    const sim = await startOrgSimulator(options);
    sims.push(sim);
    return { sim, connection: await connectToSimulator(sim) };
  };
};
