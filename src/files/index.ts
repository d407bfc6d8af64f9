export { decodeText } from './decodeText';
export { INPUT_LIMITS } from './inputLimits';
export type { ReadFileOptions } from './readRegularFile';
export { readRegularFile } from './readRegularFile';
export type { CheckedOutput, ExistingFile, ExistingFolder, OutputContext, OutputTarget } from './outputPath';
export { checkOutputPath, shownPath } from './outputPath';
export type { RunInput } from './protectedSources';
export { makeFolder, prepareOutputFolder, writeOutputFile } from './writeOutput';
