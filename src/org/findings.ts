import type { Problem } from '../problems';
import { fillExactly } from '../messages';

/**
 * One setting verify read back from an org, and whether it holds. A passing finding has a code too,
 * so a script tells "checked and as intended" from "not checked".
 */
export type Finding = {
  /** Stable name of what was checked and found (e.g. `ComponentDiffers`), listed as `# finding.<code>` in messages/; scripts match it in `--json`. */
  code: string;
  /**
   * What was checked, the same whatever was found (`component permissionsets/X.permissionset`,
   * `certificate ISPM_App`): JUnit names its test case by it, so a reporter's history follows one
   * check from passing to failing. The outcome is in `code` and `ok`, never here.
   */
  check?: string;
  ok: boolean;
  /** Passes, but worth a look (an optional feature left out, hardened mode off). */
  warning?: boolean;
  what: string;
  /** Data, not prose: the org's text, or what differs. */
  detail?: string;
  /** How to put it right; only on a failure. */
  fix?: string;
};

/** Makes the findings of one area, their texts from one messages/ bundle. */
export type FindingMaker = {
  /** As intended: `finding.<code>` is its text. */
  pass: (code: string, tokens?: unknown[]) => Finding;
  /** As intended, with a warning. */
  warn: (code: string, tokens?: unknown[]) => Finding;
  /** Not as intended: `finding.<code>.fix` is its fix; `detail` is data (what differs). */
  fail: (code: string, tokens?: unknown[], fixTokens?: unknown[], detail?: string) => Finding;
};

/**
 * The one way a Finding is made, as `problemsFrom` (src/problems/problems.ts) is for a Problem:
 * `findingsFrom('verify')`, then `fail('ComponentDiffers', [name], [], detail)` reads
 * `# finding.ComponentDiffers` and `# finding.ComponentDiffers.fix` from messages/verify.md and fills
 * their `%s` in order. test/messages/findingCodes.test.ts holds every code to be listed once across
 * messages/ (and apart from every problem code), used, and given a fix exactly when it fails.
 *
 * A template whose `%s` count differs from the values given throws FindingTokensError.
 */
export const findingsFrom = (bundle: string): FindingMaker => {
  const fill = fillExactly(bundle, 'FindingTokensError');
  return {
    pass: (code, tokens = []) => ({ code, ok: true, what: fill(`finding.${code}`, tokens) }),
    warn: (code, tokens = []) => ({ code, ok: true, warning: true, what: fill(`finding.${code}`, tokens) }),
    fail: (code, tokens = [], fixTokens = [], detail) => ({
      code,
      ok: false,
      what: fill(`finding.${code}`, tokens),
      ...(detail === undefined ? {} : { detail }),
      fix: fill(`finding.${code}.fix`, fixTokens),
    }),
  };
};

/** The finding as the answer to one named check (see Finding.check). */
export const forCheck = (check: string, f: Finding): Finding => ({ ...f, check });

/** A problem the plan found, as a finding: it keeps the problem's code, message and fix. */
export const findingFromProblem = (p: Problem): Finding => ({
  code: p.code,
  check: `input ${p.file} ${p.field}`,
  ok: p.severity !== 'error',
  ...(p.severity === 'warning' ? { warning: true } : {}),
  what: `${p.file} ${p.field}: ${p.message}`,
  fix: p.fix,
});
