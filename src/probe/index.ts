export type { ProbeShape, Fact, Unknown } from './probeShape';
export { probeOrg } from './probeOrg';
export { runProbe } from './runProbe';
export type { ProbeOptions, ProbeResult } from './runProbe';
export { formatProbeResult } from './formatProbeResult';
