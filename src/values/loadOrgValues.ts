import path from 'node:path';
import { type Vendor, type ValueSpec, describe } from '../catalogue';
import type { IpRange } from '../network';
import { PLACEHOLDER } from '../metadata';
import { type Problem, type Where, problemsFrom } from '../problems';
import { checkCertificateValue } from './certificateValue';
import { sharedUsernameProblems, unknownVendorProblems } from './crossVendorValues';
import { checkHardening, HARDENING_KEY } from './hardeningValue';
import type { OrgValues, VendorValues } from './orgValues';
import { readValuesFile } from './readValuesFile';
import { replacementTextFor } from './replacementText';
import { checkEmail, checkFeatures, checkIpRanges } from './validateValue';
import { firstNonXmlCharacter } from './xmlCharacter';

const problem = problemsFrom('values');

export type LoadOrgValuesOptions = {
  projectDir: string;
  /** Environment to read overrides from (default process.env); tests pass their own. */
  env?: Record<string, string | undefined>;
  now?: Date;
  certWarnDays?: number;
  /** Every vendor of the project (default: the chosen ones): values keys naming others are refused. */
  catalogue?: Vendor[];
  /**
   * `skip`: a certificate value is taken as the path it names, the file is not read or judged.
   * For commands that deploy no certificate (suspend, resume, offboard, activity): an expired,
   * rotated or deleted certificate must never stand between an admin and cutting a vendor off.
   */
  certificates?: 'check' | 'skip';
};

type Context = {
  rel: string;
  env: Record<string, string | undefined>;
  options: LoadOrgValuesOptions;
  problems: Problem[];
};

/**
 * Reads and validates a values file for the given vendors. Precedence, highest first: an
 * environment variable named by the value's `env` in vendor.json, then the values file. Every
 * problem in every vendor is returned at once; `values` is undefined when any is an error.
 */
export const loadOrgValues = (
  valuesFile: string,
  vendors: Vendor[],
  options: LoadOrgValuesOptions
): Promise<{ values?: OrgValues; problems: Problem[] }> =>
  // A promise in its contract (callers await it); a throw becomes a rejection, as from an async function.
  new Promise((resolve) => resolve(loadOrgValuesNow(valuesFile, vendors, options)));

const loadOrgValuesNow = (
  valuesFile: string,
  vendors: Vendor[],
  options: LoadOrgValuesOptions
): { values?: OrgValues; problems: Problem[] } => {
  const env = options.env ?? process.env;
  const rel = path.isAbsolute(valuesFile) ? path.relative(options.projectDir, valuesFile) || valuesFile : valuesFile;
  const absolute = path.resolve(options.projectDir, valuesFile);
  const read = readValuesFile(absolute, rel);
  if (!read.ok) return { problems: [read.problem] };
  const top = topLevel(read.data, rel, absolute);
  if (!top.ok) return { problems: [top.problem] };
  const { org, vendorsNode } = top;

  const result: OrgValues = { file: rel, org, vendors: {} };
  const catalogue = options.catalogue ?? vendors;
  const context: Context = { rel, env, options, problems: [] };
  const { problems } = context;
  problems.push(...unknownVendorProblems(vendorsNode, catalogue, rel));
  problems.push(...sharedUsernameProblems(vendorsNode, catalogue, vendors, rel, env));
  for (const vendor of vendors) {
    const node = vendorsNode[vendor.name];
    if (!node || typeof node !== 'object' || Array.isArray(node)) {
      const required = vendor.values
        .filter((v) => v.required)
        .map((v) => `"${v.key}": …`)
        .join(', ');
      problems.push(
        problem.error(
          'VendorValuesMissing',
          { file: rel, field: `vendors.${vendor.name}` },
          [vendor.title],
          [vendor.name, required]
        )
      );
      continue;
    }
    result.vendors[vendor.name] = vendorValues(vendor, node as Record<string, unknown>, context);
  }
  return problems.some((p) => p.severity === 'error') ? { problems } : { values: result, problems };
};

/** The values file's root: an object with `vendors`, and the org it names (default: the file's name). */
const topLevel = (
  data: unknown,
  rel: string,
  absolute: string
): { ok: true; org: string; vendorsNode: Record<string, unknown> } | { ok: false; problem: Problem } => {
  const root = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  if (!root)
    return { ok: false, problem: problem.error('ValuesNotObject', { file: rel, field: '' }, [describe(data)]) };
  const org = typeof root.org === 'string' && root.org ? root.org : path.basename(absolute, '.json');
  const vendorsNode = root.vendors;
  if (!vendorsNode || typeof vendorsNode !== 'object' || Array.isArray(vendorsNode))
    return { ok: false, problem: problem.error('ValuesVendorsMissing', { file: rel, field: 'vendors' }) };
  return { ok: true, org, vendorsNode: vendorsNode as Record<string, unknown> };
};

/** One vendor's node of the values file, checked value by value; its problems go to `context.problems`. */
const vendorValues = (vendor: Vendor, given: Record<string, unknown>, context: Context): VendorValues => {
  const { rel, problems } = context;
  const base = `vendors.${vendor.name}`;
  const out: VendorValues = {
    vendor: vendor.name,
    values: {},
    sources: {},
    env: {},
    replacementFiles: [],
    features: [],
    trustedRanges: [],
  };
  for (const key of Object.keys(given)) {
    if (key !== HARDENING_KEY && !vendor.values.some((v) => v.key === key)) {
      problems.push(
        problem.error(
          'UnknownValueKey',
          { file: rel, field: `${base}.${key}` },
          [vendor.name],
          [vendor.values.map((v) => v.key).join(', ')]
        )
      );
    }
  }
  for (const spec of vendor.values) {
    const checked = checkValue(vendor, spec, given, context);
    if (!checked) continue;
    out.sources[spec.key] = checked.source;
    if (checked.value !== undefined) out.values[spec.key] = checked.value;
    if (checked.env !== undefined && spec.env) out.env[spec.env] = checked.env;
    if (checked.replacementFile) out.replacementFiles.push(checked.replacementFile);
    if (checked.features) out.features = checked.features;
    if (checked.trustedRanges) out.trustedRanges = checked.trustedRanges;
  }
  if (given[HARDENING_KEY] !== undefined) {
    const checked = checkHardening(given[HARDENING_KEY], { file: rel, field: `${base}.${HARDENING_KEY}` }, vendor);
    problems.push(...checked.problems);
    if (checked.hardened) out.hardened = true;
  }
  const fromValue = vendor.trustedRanges?.fromValue;
  if (fromValue && !out.trustedRanges.length && !problems.some((p) => p.field.startsWith(`${base}.${fromValue}`))) {
    problems.push(
      problem.warning(
        'NoTrustedRanges',
        { file: rel, field: `${base}.${fromValue}` },
        [vendor.title],
        [vendor.trustedRanges?.source ?? '']
      )
    );
  }
  return out;
};

/** What a value's type check yields for the vendor's values. */
type TypedResult = {
  replacementFile?: VendorValues['replacementFiles'][number];
  features?: string[];
  trustedRanges?: IpRange[];
};

/** What one given value contributes to the vendor's values. */
type ValueResult = TypedResult & {
  source: VendorValues['sources'][string];
  /** The value as written, when it is a string or a list of strings. */
  value?: string | string[];
  /** The staged text for the value's environment variable. */
  env?: string;
};

/**
 * One value of a vendor: required, overridden by its environment variable, checked by its type.
 * Undefined when the value is not given.
 */
const checkValue = (
  vendor: Vendor,
  spec: ValueSpec,
  given: Record<string, unknown>,
  context: Context
): ValueResult | undefined => {
  const { rel, env, problems } = context;
  const field = `vendors.${vendor.name}.${spec.key}`;
  const override = spec.env ? env[spec.env] : undefined;
  const value = override !== undefined && override !== '' ? override : given[spec.key];
  const where: Where =
    override && spec.env ? { file: `environment ${spec.env}`, field: spec.env } : { file: rel, field };
  if (value === undefined || value === '') {
    if (spec.required) {
      const at = { file: rel, field };
      problems.push(
        spec.env
          ? problem.error('RequiredOverridableValueMissing', at, [spec.description], [spec.key, vendor.name, spec.env])
          : problem.error('RequiredValueMissing', at, [spec.description], [spec.key, vendor.name])
      );
    }
    return undefined;
  }
  const source: ValueResult['source'] = override && spec.env ? `environment ${spec.env}` : 'values file';
  // Before the type's own check: a value XML cannot hold is refused whatever its type, and never echoed.
  const notXml = nonXmlProblem(value, where);
  if (notXml) {
    problems.push(notXml);
    return { source };
  }
  const result: ValueResult = { source, ...checkTyped(vendor, spec, value, where, context) };
  if (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string')))
    result.value = value;
  if (spec.env && typeof value === 'string') {
    // A replaced value that holds a placeholder would be filled in again by a later replacement.
    if (new RegExp(PLACEHOLDER.source).test(value)) problems.push(problem.error('ValueHoldsPlaceholder', where));
    else result.env = replacementTextFor(value);
  }
  return result;
};

/** A value (or an item of a list value) holding a character XML 1.0 cannot hold, as one problem. */
const nonXmlProblem = (value: unknown, where: Where): Problem | undefined => {
  const items = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  for (const [i, item] of items.entries()) {
    const found = typeof item === 'string' ? firstNonXmlCharacter(item) : undefined;
    if (found)
      return problem.error(
        'ValueNotXmlCharacter',
        typeof value === 'string' ? where : { ...where, field: `${where.field}[${i}]` },
        [found.codePoint, found.position]
      );
  }
  return undefined;
};

/** The check of a value's type (vendor.json's `type`), with what it yields. */
const checkTyped = (vendor: Vendor, spec: ValueSpec, value: unknown, where: Where, context: Context): TypedResult => {
  const { options, problems } = context;
  switch (spec.type) {
    case 'email':
      problems.push(...checkEmail(value, where));
      return {};
    case 'username':
      problems.push(...checkEmail(value, where, 'username'));
      return {};
    case 'certificateFile': {
      if (typeof value !== 'string') {
        problems.push(problem.error('CertificatePathNotString', where, [describe(value)]));
        return {};
      }
      if (options.certificates === 'skip') return {};
      const checked = checkCertificateValue(value, {
        projectDir: options.projectDir,
        ...where,
        ...(options.now ? { now: options.now } : {}),
        ...(options.certWarnDays === undefined ? {} : { warnDays: options.certWarnDays }),
      });
      problems.push(...checked.problems);
      return spec.replacementFile && checked.pem
        ? { replacementFile: { from: value, to: spec.replacementFile, content: replacementTextFor(checked.pem) } }
        : {};
    }
    case 'features': {
      const checked = checkFeatures(value, where, vendor);
      problems.push(...checked.problems);
      return { features: checked.features };
    }
    case 'ipRanges': {
      const checked = checkIpRanges(value, where, vendor.trustedRanges?.descriptionPrefix ?? '');
      problems.push(...checked.problems);
      return vendor.trustedRanges?.fromValue === spec.key ? { trustedRanges: checked.ranges } : {};
    }
  }
};
