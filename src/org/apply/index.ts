export { standardProfile } from './applyHardening';
export type { DeployOrgsOptions, DeployOrgsResult } from './deployOrgs';
export { deployOrgs } from './deployOrgs';
export type { DeployEvent } from './deployToOrg';
export { formatDeployResult } from './formatDeployResult';
export { deployComponentSet } from './runMetadataDeploy';
export { readSettingsBefore, restoredSettings, vendorSettingsNames } from './settingsBefore';
export type { DeployOutcome } from './runMetadataDeploy';
