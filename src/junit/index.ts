export type { JunitCase, JunitSuite } from './junit';
export { junitTarget, renderJunit, writeJunit } from './junit';
export { verifyJunit } from './verifyJunit';
export { deployJunit } from './deployJunit';
