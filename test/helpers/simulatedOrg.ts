import { Lifecycle } from '@salesforce/core';
import { main } from '../../src/cli';
import { recordingIo, RecordingIo } from '../../src/output/io';
import { OrgSimulator, OrgSimulatorOptions, startOrgSimulator } from '../org-simulator';
import { loginWithAlias } from '../org-simulator/connect';

/**
 * A simulated org per test, logged in under an alias through the real sf auth store, the way a
 * release engineer's `sf org login` leaves it. Returns a getter for the running simulator.
 */
export const useSimulatedOrg = (
  alias: string,
  options: () => OrgSimulatorOptions = (): OrgSimulatorOptions => ({})
): (() => OrgSimulator) => {
  let sim: OrgSimulator | undefined;
  beforeEach(async () => {
    // core warns that http:// is insecure; the simulator is on loopback.
    Lifecycle.getInstance().onWarning(async () => {});
    sim = await startOrgSimulator(options());
    await loginWithAlias(sim, alias);
  });
  afterEach(async () => {
    await sim?.stop();
  });
  return () => {
    if (!sim) throw new Error('simulator not started');
    return sim;
  };
};

/** Runs the CLI in-process and returns its exit code and output. */
export const run = async (
  ...argv: string[]
): Promise<{ code: number; io: RecordingIo; out: string; json: () => Record<string, unknown> }> => {
  const io = recordingIo();
  const code = await main(argv, io);
  return { code, io, out: io.text(), json: () => JSON.parse(io.out.join('')) as Record<string, unknown> };
};

/** SOAP operations and REST calls the org received, in order. */
export const calls = (sim: OrgSimulator): string[] =>
  sim.requests.map((r) => r.soapOp ?? `${r.method} ${r.path.replace(/\/v[\d.]+\//, '/vXX/')}`);

/**
 * Every change request the org received (`POST /services/data/vXX/sobjects/User`…), including those
 * inside composite calls: a composite of reads is no write.
 */
export const writes = (sim: OrgSimulator): string[] =>
  sim.requests
    .flatMap((r) => r.subrequests ?? [r])
    .filter((r) => r.method !== 'GET' && r.path.startsWith('/services/data') && !/\/composite\/?$/.test(r.path))
    .map((r) => `${r.method} ${r.path.replace(/\/v[\d.]+\//, '/vXX/')}`);

/** What the org holds, serialised: compared before and after to prove nothing changed. */
export const snapshot = (sim: OrgSimulator): string =>
  JSON.stringify({
    components: [...sim.state.components.entries()].sort(),
    records: [...sim.state.records.entries()].sort(),
  });
