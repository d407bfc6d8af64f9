export type { BuiltPackage } from './buildPackage';
export { buildPackage } from './buildPackage';
export type { ConvertedComponent, SharedConversion } from './sharedConversion';
export { sharedConversion } from './sharedConversion';
