import type { SfError } from '@salesforce/core/sfError';
import { loadMessages } from '../messages';
import { errorsIn, Problem } from './problem';
import { problemText } from './problemText';

/**
 * The error every command throws when its offline checks fail (CheckFailedError): the errors
 * counted, every problem given listed (warnings too, where the caller passes them), and the same
 * problems with their codes in `data` for `--json`.
 */
export const checkFailedError = (problems: Problem[]): SfError =>
  loadMessages('check')
    .createError('error.CheckFailed', [errorsIn(problems).length, problemList(problems)])
    .setData({ problems });

/** Problems as lines a person reads, one after the other. */
export const problemList = (problems: Problem[]): string => problems.map(problemText).join('\n');
