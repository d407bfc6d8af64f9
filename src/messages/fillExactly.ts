import { format } from 'node:util';
import { SfError } from '@salesforce/core/sfError';
import { echo, TOKEN_LIMIT } from './echo';
import { loadMessages } from './loadMessages';

const SPECIFIER = /%[sdifjoO]/g;

/**
 * Fills the templates of one messages/ bundle, each with exactly as many values as it has `%s`:
 * the one filler behind `problemsFrom` (src/problems/problems.ts) and `findingsFrom`
 * (src/org/findings.ts). A count that differs is a bug in this package, not in the user's input:
 * it throws an SfError named `errorName` rather than show a half-filled text.
 */
export const fillExactly =
  (bundle: string, errorName: string): ((key: string, tokens: unknown[]) => string) =>
  (key, tokens) => {
    const template = loadMessages(bundle).getMessage(key);
    const wanted = template.match(SPECIFIER)?.length ?? 0;
    if (wanted !== tokens.length) {
      throw new SfError(
        `messages/${bundle}.md "# ${key}" takes ${wanted} value(s) but was given ${tokens.length}.`,
        errorName,
        ['This is a bug in vendor-access: report it with the command you ran.']
      );
    }
    // Tokens are often user input (a value, a path): never raw controls, never without end. Values the
    // user typed are cut shorter where they are checked (echo's default).
    return wanted === 0
      ? template
      : format(template, ...tokens.map((t) => (typeof t === 'string' ? echo(t, TOKEN_LIMIT) : t)));
  };
