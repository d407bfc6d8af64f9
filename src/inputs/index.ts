export type { InputOptions, Inputs } from './loadInputs';
export { loadInputs } from './loadInputs';
