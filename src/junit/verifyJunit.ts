import type { Finding } from '../org';
import type { VerifyResult } from '../org/verify';
import { failedOrgSuite, type JunitCase, type JunitSuite } from './junit';

/**
 * One test case per check (Finding.check), named the same whether it passes or fails: a failure is
 * drift and carries what differs and how to fix it; a warning is <skipped>. Findings of one check
 * (several missing trusted ranges) make one case. Each case's time is its share of the org's read:
 * every check is judged from the one read, so the suite's time is the real figure.
 */
export const verifyJunit = (result: VerifyResult): JunitSuite[] =>
  result.orgs.map((org) => {
    const classname = `verify.${org.targetOrg}`;
    if ('error' in org)
      return failedOrgSuite(org.targetOrg, classname, 'connect and read the org', org.error, org.seconds);
    const checks = new Map<string, Finding[]>();
    for (const f of org.findings) {
      const name = f.check ?? f.code;
      checks.set(name, [...(checks.get(name) ?? []), f]);
    }
    const share = org.seconds / Math.max(1, checks.size);
    const cases = [...checks].map(([name, findings]): JunitCase => {
      const failed = findings.filter((f) => !f.ok);
      const warned = findings.filter((f) => f.warning);
      return {
        name,
        classname,
        time: share,
        ...(failed.length
          ? {
              failure: {
                message: failed.map((f) => f.what).join('; '),
                detail: failed
                  .map((f) => [f.detail, f.fix ? `Fix: ${f.fix}` : undefined].filter(Boolean).join('\n'))
                  .join('\n'),
              },
            }
          : warned.length
          ? { skipped: { message: `warning: ${warned.map((f) => f.what).join('; ')}` } }
          : {}),
      };
    });
    return { name: org.targetOrg, time: org.seconds, cases };
  });
