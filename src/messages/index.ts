export { echo } from './echo';
export { fillExactly } from './fillExactly';
export { loadMessages } from './loadMessages';
