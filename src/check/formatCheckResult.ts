import { problemText } from '../problems';
import type { CheckResult } from './checkVendors';

/** Lines a person reads after a successful check. */
export const formatCheckSuccess = (result: CheckResult): string[] => {
  const lines = [`check passed: ${result.vendors.map((v) => v.name).join(', ')} with ${result.valuesFile}`];
  for (const warning of result.problems.filter((p) => p.severity === 'warning')) lines.push(problemText(warning));
  for (const vendor of result.vendors) {
    lines.push('', `${vendor.title}`);
    lines.push(`  package  ${vendor.zipPath} (${vendor.components.length} components, replacements applied)`);
    lines.push(`  manifest ${vendor.packageXmlPath}`);
    lines.push(`  review   ${vendor.reviewPath}`);
    if (vendor.needsOrg.length) {
      lines.push('  settled by the org at deploy time:');
      for (const note of vendor.needsOrg) lines.push(`    - ${note}`);
    }
  }
  return lines;
};
