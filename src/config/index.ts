export { ENV_VARS, pollIntervalMs } from './envVars';
export { PACKAGE_ROOT } from './packageRoot';
