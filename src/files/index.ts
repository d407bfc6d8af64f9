export { decodeText } from './decodeText';
export { INPUT_LIMITS } from './inputLimits';
export type { ReadFileOptions } from './readRegularFile';
export { readRegularFile } from './readRegularFile';
