export type { IpAddress } from './ipAddress';
export { formatIp, parseIp } from './ipAddress';
export type { IpRange, ParsedRange, RangeFault } from './ipRange';
export { rangeProblem } from './rangeProblem';
export { MAX_RANGE_SIZE, checkRange, formatRange, parseRangeSpec, rangeSize, rangesOverlap } from './ipRange';
export type { OwnedRanges, RangeMerge } from './mergeRanges';
export { mergeTrustedRanges, removeOwnedRanges } from './mergeRanges';
export type { Keyed } from './findOverlaps';
export { findOverlaps, findOverlapsBetween } from './findOverlaps';
