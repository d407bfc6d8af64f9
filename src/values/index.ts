export type { OrgValues, VendorValues } from './orgValues';
export { loadOrgValues } from './loadOrgValues';
export type { LoadOrgValuesOptions } from './loadOrgValues';
export { formatEnvExports, stageReplacements } from './stageReplacements';
export type { RawDeployInputs } from './prepareRawDeploy';
export { prepareRawDeploy } from './prepareRawDeploy';
