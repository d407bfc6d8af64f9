export type { StageOptions, StageResult } from './stageOrg';
export { stageOrg } from './stageOrg';
export { formatStageResult } from './formatStageResult';
