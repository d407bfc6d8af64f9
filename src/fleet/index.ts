export type { FleetOrg, FleetShard } from './fleet';
export { loadFleet, shardFleet } from './fleet';
export { checkOrgsPerJob } from './fleet';
