import { type Vendor, describe } from '../catalogue';
import { type Problem, type Where, problemsFrom } from '../problems';

const problem = problemsFrom('values');

export const HARDENING_KEY = 'hardening';
const OPTIONS = ['restrictLoginToVendorRanges'];

/**
 * `vendors.<name>.hardening`: `{ "restrictLoginToVendorRanges": true }` puts the integration user on
 * a dedicated profile whose login IP ranges are the vendor's. Accepted only where the vendor's
 * catalogue entry says the mode applies; otherwise the refusal quotes its reason.
 */
export const checkHardening = (
  value: unknown,
  where: Where,
  vendor: Vendor
): { hardened: boolean; problems: Problem[] } => {
  const at = (field: string): Where => ({ file: where.file, field });
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return {
      hardened: false,
      problems: [problem.error('HardeningNotObject', at(where.field), [describe(value)])],
    };
  }
  const node = value as Record<string, unknown>;
  const problems = Object.keys(node)
    .filter((k) => !OPTIONS.includes(k))
    .map((k) => problem.error('UnknownHardeningOption', at(`${where.field}.${k}`), [], [OPTIONS.join(', ')]));
  const field = `${where.field}.restrictLoginToVendorRanges`;
  const on = node.restrictLoginToVendorRanges;
  if (on !== undefined && typeof on !== 'boolean')
    problems.push(problem.error('HardeningOptionNotBoolean', at(field), [describe(on)]));
  const spec = vendor.hardening?.restrictLoginToVendorRanges;
  if (on === true && !spec?.applies) {
    problems.push(
      spec?.why === undefined
        ? problem.error('HardeningNotOfferedUnstated', at(field), [vendor.title])
        : problem.error('HardeningNotOffered', at(field), [vendor.title, spec.why])
    );
  }
  return { hardened: on === true && problems.length === 0, problems };
};
