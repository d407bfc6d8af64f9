export type { RawDeployInputs } from './prepareRawDeploy';
export { prepareRawDeploy } from './prepareRawDeploy';
