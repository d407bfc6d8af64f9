import path from 'node:path';
import type { Vendor } from '../catalogue';
import { describe } from '../catalogue/shapeCheck';
import { PLACEHOLDER } from '../metadata/replacementsConfig';
import type { Problem } from '../inputs/problem';
import { checkCertificateValue } from './certificateValue';
import { sharedUsernameProblems, unknownVendorProblems } from './crossVendorValues';
import { checkHardening, HARDENING_KEY } from './hardeningValue';
import type { OrgValues, VendorValues } from './orgValues';
import { readValuesFile } from './readValuesFile';
import { replacementTextFor } from './replacementText';
import { checkEmail, checkFeatures, checkIpRanges } from './validateValue';

export type LoadOrgValuesOptions = {
  projectDir: string;
  /** Environment to read overrides from (default process.env); tests pass their own. */
  env?: Record<string, string | undefined>;
  now?: Date;
  certWarnDays?: number;
  /** Every vendor of the project (default: the chosen ones): values keys naming others are refused. */
  catalogue?: Vendor[];
};

const valuesProblem = (file: string, field: string, message: string, fix: string): Problem => ({
  severity: 'error',
  file,
  field,
  message,
  fix,
});

/**
 * Reads and validates a values file for the given vendors. Precedence, highest first: an
 * environment variable named by the value's `env` in vendor.json, then the values file. Every
 * problem in every vendor is returned at once; `values` is undefined when any is an error.
 */
export const loadOrgValues = async (
  valuesFile: string,
  vendors: Vendor[],
  options: LoadOrgValuesOptions
): Promise<{ values?: OrgValues; problems: Problem[] }> => {
  const env = options.env ?? process.env;
  const rel = path.isAbsolute(valuesFile) ? path.relative(options.projectDir, valuesFile) || valuesFile : valuesFile;
  const absolute = path.resolve(options.projectDir, valuesFile);
  const read = readValuesFile(absolute, rel);
  if (!read.ok) return { problems: [read.problem] };
  const data = read.data;
  const problems: Problem[] = [];
  const root = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  if (!root)
    return {
      problems: [
        valuesProblem(
          rel,
          '',
          `must be a JSON object, found ${describe(data)}`,
          'See config/orgs/example.json for the layout.'
        ),
      ],
    };
  const org = typeof root.org === 'string' && root.org ? root.org : path.basename(absolute, '.json');
  const vendorsNode =
    root.vendors && typeof root.vendors === 'object' && !Array.isArray(root.vendors)
      ? (root.vendors as Record<string, unknown>)
      : undefined;
  if (!vendorsNode)
    return {
      problems: [
        valuesProblem(
          rel,
          'vendors',
          'is missing or not an object',
          'Add "vendors": { "<vendor>": { ... } } as in config/orgs/example.json.'
        ),
      ],
    };

  const result: OrgValues = { file: rel, org, vendors: {} };
  const catalogue = options.catalogue ?? vendors;
  problems.push(...unknownVendorProblems(vendorsNode, catalogue, rel));
  problems.push(...sharedUsernameProblems(vendorsNode, catalogue, vendors, rel, env));
  for (const vendor of vendors) {
    const base = `vendors.${vendor.name}`;
    const node = vendorsNode[vendor.name];
    if (!node || typeof node !== 'object' || Array.isArray(node)) {
      problems.push(
        valuesProblem(
          rel,
          base,
          `has no values for ${vendor.title}`,
          `Add "${vendor.name}": { ${vendor.values
            .filter((v) => v.required)
            .map((v) => `"${v.key}": …`)
            .join(', ')} }, or choose other vendors with --vendor.`
        )
      );
      continue;
    }
    const given = node as Record<string, unknown>;
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
          valuesProblem(
            rel,
            `${base}.${key}`,
            `is not a ${vendor.name} value`,
            `Remove it, or use one of: ${vendor.values.map((v) => v.key).join(', ')}.`
          )
        );
      }
    }
    for (const spec of vendor.values) {
      const field = `${base}.${spec.key}`;
      const override = spec.env ? env[spec.env] : undefined;
      const value = override !== undefined && override !== '' ? override : given[spec.key];
      const where = {
        file: override ? `environment ${spec.env}` : rel,
        field: override ? (spec.env as string) : field,
      };
      if (value === undefined || value === '') {
        if (spec.required) {
          problems.push(
            valuesProblem(
              rel,
              field,
              `is required: ${spec.description}`,
              `Set "${spec.key}" under vendors.${vendor.name}${
                spec.env ? `, or the environment variable ${spec.env}` : ''
              }.`
            )
          );
        }
        continue;
      }
      out.sources[spec.key] = override ? `environment ${spec.env as string}` : 'values file';
      switch (spec.type) {
        case 'email':
          problems.push(...checkEmail(value, where));
          break;
        case 'username':
          problems.push(...checkEmail(value, where, 'a Salesforce username (email-shaped)'));
          break;
        case 'certificateFile':
          if (typeof value !== 'string')
            problems.push(
              valuesProblem(
                where.file,
                where.field,
                `must be a file path, found ${describe(value)}`,
                'Write the path of the vendor’s server.crt, relative to the project root.'
              )
            );
          else {
            const checked = checkCertificateValue(value, {
              projectDir: options.projectDir,
              ...where,
              ...(options.now ? { now: options.now } : {}),
              ...(options.certWarnDays === undefined ? {} : { warnDays: options.certWarnDays }),
            });
            problems.push(...checked.problems);
            if (spec.replacementFile && checked.pem)
              out.replacementFiles.push({
                from: value,
                to: spec.replacementFile,
                content: replacementTextFor(checked.pem),
              });
          }
          break;
        case 'features': {
          const checked = checkFeatures(value, where, vendor);
          problems.push(...checked.problems);
          out.features = checked.features;
          break;
        }
        case 'ipRanges': {
          const checked = checkIpRanges(value, where, vendor.trustedRanges.descriptionPrefix);
          problems.push(...checked.problems);
          if (vendor.trustedRanges.fromValue === spec.key) out.trustedRanges = checked.ranges;
          break;
        }
      }
      if (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string')))
        out.values[spec.key] = value;
      if (spec.env && typeof value === 'string') {
        // A replaced value that holds a placeholder would be filled in again by a later replacement.
        if (new RegExp(PLACEHOLDER.source).test(value))
          problems.push(
            valuesProblem(
              where.file,
              where.field,
              'contains a placeholder such as __NAME__, which a later replacement would fill in',
              'Write the real value; placeholders belong in force-app/ only.'
            )
          );
        else out.env[spec.env] = replacementTextFor(value);
      }
    }
    if (given[HARDENING_KEY] !== undefined) {
      const checked = checkHardening(given[HARDENING_KEY], { file: rel, field: `${base}.${HARDENING_KEY}` }, vendor);
      problems.push(...checked.problems);
      if (checked.hardened) out.hardened = true;
    }
    if (
      vendor.trustedRanges.fromValue &&
      !out.trustedRanges.length &&
      !problems.some((p) => p.field.startsWith(`${base}.${vendor.trustedRanges.fromValue}`))
    ) {
      problems.push({
        severity: 'warning',
        file: rel,
        field: `${base}.${vendor.trustedRanges.fromValue}`,
        message: `no trusted ranges for ${vendor.title}`,
        fix: `${vendor.trustedRanges.source}; add them when you have them.`,
      });
    }
    result.vendors[vendor.name] = out;
  }
  return problems.some((p) => p.severity === 'error') ? { problems } : { values: result, problems };
};
