import type { Vendor } from '../catalogue';
import { type Problem, problemsFrom } from '../problems';

const problem = problemsFrom('values');

/**
 * Keys under `vendors` that name no vendor of the project: a misspelt or wrongly cased vendor
 * would otherwise be ignored and its values silently never used.
 */
export const unknownVendorProblems = (
  vendorsNode: Record<string, unknown>,
  catalogue: Vendor[],
  file: string
): Problem[] => {
  const names = catalogue.map((v) => v.name);
  return Object.keys(vendorsNode)
    .filter((key) => !names.includes(key))
    .map((key) => {
      const near = names.find((n) => n.toLowerCase() === key.toLowerCase());
      const where = { file, field: `vendors.${key}` };
      return near
        ? problem.error('ValuesVendorMiscased', where, [key], [near])
        : problem.error('ValuesUnknownVendor', where, [key], [names.join(', ')]);
    });
};

/**
 * One username for two vendors' integration users: Salesforce usernames are unique, so the second
 * user could never be created (Duplicate Username) after the metadata had already landed. Compared
 * without case (Salesforce treats usernames case-insensitively at login; the uniqueness rule is
 * taken to be the same: no source in reference/ settles it). Reported on the later vendor's
 * field whenever either vendor is among the chosen ones.
 */
export const sharedUsernameProblems = (
  vendorsNode: Record<string, unknown>,
  catalogue: Vendor[],
  chosen: Vendor[],
  file: string,
  env: Record<string, string | undefined>
): Problem[] => {
  const seen = new Map<string, { vendor: string; field: string; value: string }>();
  const problems: Problem[] = [];
  for (const vendor of catalogue) {
    const node = vendorsNode[vendor.name];
    if (!node || typeof node !== 'object' || Array.isArray(node)) continue;
    for (const spec of vendor.values.filter((v) => v.type === 'username')) {
      const override = spec.env ? env[spec.env] : undefined;
      const value = override !== undefined && override !== '' ? override : (node as Record<string, unknown>)[spec.key];
      if (typeof value !== 'string' || !value) continue;
      const field = `vendors.${vendor.name}.${spec.key}`;
      // NFKC: the same name typed on two keyboards (é as one code point or e + U+0301) is one name to a reader.
      const key = value.normalize('NFKC').toLowerCase();
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { vendor: vendor.name, field, value });
        continue;
      }
      if (!chosen.some((v) => v.name === vendor.name || v.name === first.vendor)) continue;
      if (first.value.toLowerCase() !== value.toLowerCase()) {
        // Unverified whether Salesforce normalises usernames: the two may be distinct to it, yet no person can tell them apart.
        problems.push(problem.warning('UsernamesLookAlike', { file, field }, [first.field], [vendor.name]));
        continue;
      }
      problems.push(
        problem.error(
          'SharedIntegrationUsername',
          { file, field },
          [value, first.field],
          [vendor.name, vendor.name, value]
        )
      );
    }
  }
  return problems;
};
