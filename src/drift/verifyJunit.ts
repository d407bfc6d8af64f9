import type { VerifyResult } from '../org/verify/verifyOrgs';
import { failedOrgSuite, type JunitSuite } from './junit';

/** verify as JUnit: a failure is drift, and carries what differs and how to fix it. */
export const verifyJunit = (result: VerifyResult): JunitSuite[] =>
  result.orgs.map((org) => {
    const classname = `verify.${org.targetOrg}`;
    if ('error' in org) return failedOrgSuite(org.targetOrg, classname, 'connect and read the org', org.error);
    return {
      name: org.targetOrg,
      cases: org.findings.map((f) => ({
        name: f.what,
        classname,
        ...(f.ok
          ? {}
          : {
              failure: {
                message: f.what,
                detail: [f.detail, f.fix ? `Fix: ${f.fix}` : undefined].filter(Boolean).join('\n'),
              },
            }),
      })),
    };
  });
