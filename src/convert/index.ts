export type { BuiltPackage } from './buildPackage';
export { buildPackage } from './buildPackage';
export type { ConvertRequest } from './convertSource';
export { convertSource } from './convertSource';
