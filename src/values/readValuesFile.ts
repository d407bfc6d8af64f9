import { SfError } from '@salesforce/core/sfError';
import { decodeText, INPUT_LIMITS, readRegularFile } from '../files';
import { type Problem, problemFromError, problemsFrom } from '../problems';

const problem = problemsFrom('values');

export type ValuesFileRead = { ok: true; data: unknown } | { ok: false; problem: Problem };

/**
 * Reads a values file as JSON within the stated limits: a regular UTF-8 file (a leading BOM is
 * dropped) of at most INPUT_LIMITS.valuesFileBytes. Every failure is one problem naming the file
 * and the fix; a folder, a pipe or UTF-16 is never reported as a JSON syntax error.
 */
export const readValuesFile = (absolute: string, rel: string): ValuesFileRead => {
  const where = { file: rel, field: '' };
  let text: string;
  try {
    text = decodeText(readRegularFile(absolute, { display: rel, maxBytes: INPUT_LIMITS.valuesFileBytes }), rel);
  } catch (err) {
    const e = SfError.wrap(err instanceof Error ? err : String(err));
    if (e.name === 'FileNotFoundError') return { ok: false, problem: problem.error('ValuesFileNotFound', where) };
    return { ok: false, problem: problemFromError(e, where, 'Pass the right --values path.') };
  }
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch (err) {
    // JSON.parse's message quotes at most a few characters around the fault, never a whole file.
    return {
      ok: false,
      problem: problem.error('ValuesFileNotJson', where, [(err as Error).message.slice(0, 200)]),
    };
  }
};
