import fs from 'node:fs';
import path from 'node:path';
import type { Vendor } from '../catalogue';
import { checkRange, rangeProblem, type IpRange } from '../network';
import { type Problem, problemsFrom } from '../problems';
import type { CheckedFile } from './checkMetadataFile';
import { selectText, selectValues } from './elementPath';
import { ORG_FIELDS } from './orgMetadataFields';
import { textOf } from './xml';

const problem = problemsFrom('metadata');

const key = (r: IpRange): string | undefined => {
  const c = checkRange(r.start, r.end);
  return c.ok ? `${c.range.start.family}:${c.range.start.value}-${c.range.end.value}` : undefined;
};

const leafOf = (elementPath: string): string => elementPath.split('/').pop() ?? elementPath;

/** The login IP ranges a Profile file holds, as start/end/description. */
export const profileLoginRanges = (file: CheckedFile): IpRange[] =>
  selectValues(file.node, ORG_FIELDS.profileLoginIpRanges.path).flatMap((node) => {
    if (typeof node !== 'object') return [];
    const description = selectText(node, leafOf(ORG_FIELDS.profileLoginDescription.path));
    return [
      {
        start: selectText(node, leafOf(ORG_FIELDS.profileLoginStart.path)) ?? '',
        end: selectText(node, leafOf(ORG_FIELDS.profileLoginEnd.path)) ?? '',
        ...(description === undefined ? {} : { description }),
      },
    ];
  });

/** True when two range lists hold the same address ranges (order and descriptions aside). */
export const sameRanges = (a: IpRange[], b: IpRange[]): boolean => {
  const ka = a.map(key);
  const kb = b.map(key);
  return (
    ka.length === kb.length && ka.every((k) => k !== undefined && kb.includes(k)) && kb.every((k) => ka.includes(k))
  );
};

type RestrictLogin = NonNullable<Vendor['hardening']>['restrictLoginToVendorRanges'];

/** A vendor folder holds at most one profile: the hardened-mode profile vendor.json names. */
const strayProfileProblems = (
  vendor: Vendor,
  files: Map<string, CheckedFile>,
  spec: RestrictLogin | undefined
): Problem[] =>
  [...files]
    .filter(([vendorRel, file]) => file.root === 'Profile' && vendorRel !== spec?.file)
    .map(([, file]) =>
      spec?.applies
        ? problem.error('ProfileNotNamedByHardening', { file: file.rel, field: '' }, [spec.file ?? 'none'])
        : problem.error('ProfileWithoutHardening', { file: file.rel, field: '' }, [vendor.name])
    );

/** Where vendor.json puts the profile, and its name. */
const profileEntryProblems = (vendor: Vendor, spec: RestrictLogin & { file: string }): Problem[] => {
  const problems: Problem[] = [];
  const entry = `${vendor.relDir}/vendor.json`;
  if (!spec.file.split('/').includes('hardened'))
    problems.push(
      problem.error(
        'HardenedProfileNotUnderHardened',
        { file: entry, field: 'hardening.restrictLoginToVendorRanges.file' },
        [spec.file]
      )
    );
  const fullName = path.basename(spec.file).replace(/\.profile-meta\.xml$/, '');
  if (fullName !== spec.profile)
    problems.push(
      problem.error(
        'HardenedProfileNameMismatch',
        { file: entry, field: 'hardening.restrictLoginToVendorRanges.profile' },
        [spec.profile ?? '', fullName]
      )
    );
  return problems;
};

/** The profile itself: custom, on the integration user's licence, granting nothing. */
const profileContentProblems = (vendor: Vendor, file: CheckedFile, rel: string): Problem[] => {
  const problems: Problem[] = [];
  if (selectText(file.node, ORG_FIELDS.profileCustom.path) !== 'true')
    problems.push(problem.error('HardenedProfileNotCustom', { file: rel, field: 'custom' }));
  const licence = selectText(file.node, ORG_FIELDS.profileUserLicense.path);
  if (vendor.user && licence !== vendor.user.userLicense) {
    const where = { file: rel, field: 'userLicense' };
    const wanted = vendor.user.userLicense;
    problems.push(
      licence === undefined
        ? problem.error('HardenedProfileLicenceMissing', where, [wanted], [wanted])
        : problem.error('HardenedProfileLicenceWrong', where, [licence, wanted], [wanted])
    );
  }
  for (const up of file.node.userPermissions ?? []) {
    if (typeof up === 'object' && textOf(up.enabled?.[0]) === 'true') {
      problems.push(
        problem.error('HardenedProfileGrantsPermission', {
          file: rel,
          field: `userPermissions ${textOf(up.name?.[0]) ?? ''}`,
        })
      );
    }
  }
  return problems;
};

/** The profile's login IP ranges: valid, and exactly the vendor's ranges. */
const loginRangeProblems = (vendor: Vendor, file: CheckedFile, rel: string, fixedRanges: IpRange[]): Problem[] => {
  const problems: Problem[] = [];
  const ranges = profileLoginRanges(file);
  ranges.forEach((r, i) => {
    const result = checkRange(r.start, r.end);
    if (!result.ok) problems.push(rangeProblem(result.fault, { file: rel, field: `loginIpRanges[${i}]` }));
  });
  const where = { file: rel, field: 'loginIpRanges' };
  const { owner, source } = vendor.trustedRanges ?? { owner: vendor.title, source: 'vendor.json' };
  if (!ranges.length) problems.push(problem.error('HardenedProfileWithoutLoginRanges', where, [], [owner]));
  else if (!sameRanges(ranges, fixedRanges)) {
    problems.push(
      problem.error(
        'HardenedProfileRangesDiffer',
        where,
        [owner, source],
        [
          vendor.relDir,
          vendor.trustedRanges?.file ?? 'vendor.json',
          fixedRanges.map((r) => `${r.start}-${r.end}`).join(', '),
        ]
      )
    );
  }
  return problems;
};

/**
 * Hardened mode's dedicated profile: only where vendor.json says the mode applies; a custom profile
 * on the integration user's licence, granting nothing itself (the permission sets do), whose login
 * IP ranges are exactly the vendor's published ranges.
 */
export const checkHardenedProfile = (
  vendor: Vendor,
  files: Map<string, CheckedFile>,
  fixedRanges: IpRange[]
): Problem[] => {
  const spec = vendor.hardening?.restrictLoginToVendorRanges;
  const problems = strayProfileProblems(vendor, files, spec);
  if (!spec?.applies || !spec.file) return problems;
  const rel = `${vendor.relDir}/${spec.file}`;
  const file = files.get(spec.file);
  if (!file) {
    if (!fs.existsSync(path.join(vendor.dir, spec.file)))
      problems.push(
        problem.error(
          'HardenedProfileFileMissing',
          { file: `${vendor.relDir}/vendor.json`, field: 'hardening.restrictLoginToVendorRanges.file' },
          [spec.file]
        )
      );
    return problems;
  }
  problems.push(
    ...profileEntryProblems(vendor, { ...spec, file: spec.file }),
    ...profileContentProblems(vendor, file, rel)
  );
  // The profile's ranges bind OAuth logins only while the app enforces IP restrictions.
  const policy = vendor.externalClientApp ? files.get(vendor.externalClientApp.oauthPolicies) : undefined;
  const relaxation = policy ? selectText(policy.node, ORG_FIELDS.policyIpRelaxation.path) ?? 'Enforce' : undefined;
  if (policy && relaxation !== 'Enforce' && relaxation !== 'Enforce_RelaxRefresh') {
    problems.push(
      problem.error('HardenedAppRelaxesIpRestrictions', { file: policy.rel, field: 'ipRelaxationPolicyType' }, [
        relaxation,
      ])
    );
  }
  problems.push(...loginRangeProblems(vendor, file, rel, fixedRanges));
  return problems;
};
