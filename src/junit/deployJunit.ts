import type { DeployOrgsResult } from '../org/apply';
import { failedOrgSuite, type JunitSuite } from './junit';

/** deploy as JUnit: each problem and each component the org reported, failing where it failed. */
export const deployJunit = (result: DeployOrgsResult): JunitSuite[] =>
  result.orgs.map((org) => {
    const classname = `deploy.${org.targetOrg}`;
    if (!('problems' in org)) return failedOrgSuite(org.targetOrg, classname, 'connect and deploy', org.error);
    const cases = [
      ...org.problems.map((p) => ({
        name: `${p.file} ${p.field}`,
        classname,
        ...(p.severity === 'error' ? { failure: { message: p.message, detail: `Fix: ${p.fix}` } } : {}),
      })),
      ...(org.deploy?.components ?? []).map((c) => ({
        name: `${c.type}:${c.fullName}`,
        classname,
        ...(c.state === 'Failed'
          ? { failure: { message: c.error ?? 'failed', detail: `deploy ${org.deploy?.id ?? ''}` } }
          : {}),
      })),
    ];
    const outcome = {
      name: `outcome ${org.outcome}`,
      classname,
      ...(org.outcome === 'succeeded' || org.outcome === 'validated'
        ? {}
        : { failure: { message: `deploy ${org.outcome}`, detail: org.deploy?.errorMessage ?? org.notes.join('\n') } }),
    };
    return { name: org.targetOrg, cases: [...cases, outcome] };
  });
