export type { BuiltPackage } from './buildPackage';
export { buildPackage } from './buildPackage';
export type { ConvertedComponent, SharedConversion } from './sharedConversion';
export { sharedConversion } from './sharedConversion';
export { applyMarks } from './replacementMarks';
export { sdrRegistry } from './sdrRegistry';
export { GENERATED, workspaceForceignore } from './sharedConversion';
