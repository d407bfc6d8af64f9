import { runSummary } from '../../output';
import type { VerifyResult } from './verifyOrgs';

/**
 * One line per finding: `ok`, `warn` or `FAIL`, with the detail and the fix under a failure; then
 * the run's summary (verified orgs succeeded, drifted or unreadable ones failed).
 */
export const formatVerifyResult = (result: VerifyResult): string[] => [
  ...result.orgs.flatMap((o) =>
    'error' in o
      ? [`${o.targetOrg}: cannot verify: ${o.error.message}`, ...o.error.actions.map((a) => `  Try: ${a}`)]
      : [
          `${o.targetOrg}: ${o.ok ? 'VERIFIED' : 'NOT AS INTENDED'}`,
          ...o.findings.map(
            (f) =>
              `  ${f.warning ? 'warn' : f.ok ? 'ok  ' : 'FAIL'} ${f.what}${f.detail ? `\n         ${f.detail}` : ''}${
                !f.ok && f.fix ? `\n         Fix: ${f.fix}` : ''
              }`
          ),
        ]
  ),
  runSummary(result.orgs.map((o) => (o.ok ? 'ok' : 'failed'))),
];
