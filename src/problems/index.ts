export type { Problem, Where } from './problem';
export { errorsIn } from './problem';
export type { ProblemMaker } from './problems';
export { problemFromError, problemsFrom } from './problems';
export { problemText } from './problemText';
export { checkFailedError, problemList } from './checkFailed';
export { RunWarnings } from './runWarnings';
