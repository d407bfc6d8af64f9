import type { Vendor, ValueRole, ValueSpec } from '../catalogue';
import type { OrgValues } from './orgValues';

/** The vendor's value spec with this role (the loader lets each role but `none` appear once). */
export const specByRole = (vendor: Pick<Vendor, 'values'>, role: Exclude<ValueRole, 'none'>): ValueSpec | undefined =>
  vendor.values.find((v) => v.role === role);

/**
 * The validated value a vendor gives for a role (`integrationUsername`, `certificate`, …), as
 * text; '' when the vendor has no value with that role or the values file leaves it out. Generic
 * code asks by role so that no key name is written into it.
 */
export const valueByRole = (
  vendor: Pick<Vendor, 'name' | 'values'>,
  values: Pick<OrgValues, 'vendors'>,
  role: Exclude<ValueRole, 'none'>
): string => {
  const spec = specByRole(vendor, role);
  const value = spec ? values.vendors[vendor.name]?.values[spec.key] : undefined;
  return value === undefined ? '' : String(value);
};

/** The values-file field of a role's value, for messages: `vendors.<vendor>.<key>`. */
export const fieldByRole = (vendor: Pick<Vendor, 'name' | 'values'>, role: Exclude<ValueRole, 'none'>): string =>
  `vendors.${vendor.name}.${specByRole(vendor, role)?.key ?? role}`;
