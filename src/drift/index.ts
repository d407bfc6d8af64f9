export type { FleetOrg, FleetShard } from './fleet';
export type { JunitCase, JunitSuite } from './junit';
export { loadFleet, shardFleet } from './fleet';
export { junitTarget, renderJunit, writeJunit } from './junit';
export { verifyJunit } from './verifyJunit';
export { deployJunit } from './deployJunit';
