import type { Vendor } from '../catalogue';
import { describe } from '../catalogue/shapeCheck';
import type { Problem } from '../inputs/problem';

type Where = { file: string; field: string };

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
  const problem = (field: string, message: string, fix: string): Problem => ({
    severity: 'error',
    file: where.file,
    field,
    message,
    fix,
  });
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return {
      hardened: false,
      problems: [
        problem(
          where.field,
          `must be an object, found ${describe(value)}`,
          'Write "hardening": { "restrictLoginToVendorRanges": true }, or remove it.'
        ),
      ],
    };
  }
  const node = value as Record<string, unknown>;
  const problems = Object.keys(node)
    .filter((k) => !OPTIONS.includes(k))
    .map((k) => problem(`${where.field}.${k}`, 'is not a hardening option', `Use one of: ${OPTIONS.join(', ')}.`));
  const field = `${where.field}.restrictLoginToVendorRanges`;
  const on = node.restrictLoginToVendorRanges;
  if (on !== undefined && typeof on !== 'boolean')
    problems.push(problem(field, `must be true or false, found ${describe(on)}`, 'Write true or false.'));
  const spec = vendor.hardening?.restrictLoginToVendorRanges;
  if (on === true && !spec?.applies) {
    problems.push(
      problem(
        field,
        `is not offered for ${vendor.title}: ${
          spec?.why ?? 'its catalogue entry does not say that it logs in only from published ranges'
        }`,
        'Remove the option (or set it to false).'
      )
    );
  }
  return { hardened: on === true && problems.length === 0, problems };
};
