import fs from 'node:fs';
import path from 'node:path';
import type { Vendor } from '../catalogue';
import { checkRange } from '../network';
import type { IpRange } from '../network';
import type { CheckedFile } from './checkMetadataFile';
import { selectText, selectValues } from './elementPath';
import { ORG_FIELDS } from './orgMetadataFields';
import { textOf } from './xml';

type Add = (file: string, field: string, message: string, fix: string) => void;

const key = (r: IpRange): string | undefined => {
  const c = checkRange(r.start, r.end);
  return c.ok ? `${c.range.start.family}:${c.range.start.value}-${c.range.end.value}` : undefined;
};

/** The login IP ranges a Profile file holds, as start/end/description. */
const leafOf = (path: string): string => path.split('/').pop() ?? path;

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

/**
 * Hardened mode's dedicated profile: only where vendor.json says the mode applies; a custom profile
 * on the integration user's licence, granting nothing itself (the permission sets do), whose login
 * IP ranges are exactly the vendor's published ranges.
 */
export const checkHardenedProfile = (
  vendor: Vendor,
  files: Map<string, CheckedFile>,
  fixedRanges: IpRange[],
  add: Add
): void => {
  const spec = vendor.hardening?.restrictLoginToVendorRanges;
  const entry = `${vendor.relDir}/vendor.json`;
  for (const [vendorRel, file] of files) {
    if (file.root === 'Profile' && vendorRel !== spec?.file) {
      add(
        file.rel,
        '',
        spec?.applies
          ? `is a profile vendor.json does not name (hardening names ${spec.file ?? 'none'})`
          : `is a profile, but hardened mode does not apply to ${vendor.name}`,
        'Delete it; a vendor folder holds at most its hardened-mode profile.'
      );
    }
  }
  if (!spec?.applies || !spec.file) return;
  const rel = `${vendor.relDir}/${spec.file}`;
  const file = files.get(spec.file);
  if (!file) {
    if (!fs.existsSync(path.join(vendor.dir, spec.file)))
      add(
        entry,
        'hardening.restrictLoginToVendorRanges.file',
        `${spec.file} does not exist`,
        'Fix the path, or create the profile.'
      );
    return;
  }
  if (!spec.file.split('/').includes('hardened'))
    add(
      entry,
      'hardening.restrictLoginToVendorRanges.file',
      `${spec.file} is not under a hardened/ folder, so a raw sf project deploy would send it`,
      'Keep the profile under <vendor>/hardened/profiles/ (.forceignore ignores **/hardened/**).'
    );
  const fullName = path.basename(spec.file).replace(/\.profile-meta\.xml$/, '');
  if (fullName !== spec.profile)
    add(
      entry,
      'hardening.restrictLoginToVendorRanges.profile',
      `"${spec.profile ?? ''}" differs from the file's name "${fullName}"`,
      'Make the profile name and the file name agree.'
    );
  if (selectText(file.node, ORG_FIELDS.profileCustom.path) !== 'true')
    add(rel, 'custom', 'must be true: the hardened profile is a custom profile', 'Write <custom>true</custom>.');
  const licence = selectText(file.node, ORG_FIELDS.profileUserLicense.path);
  if (vendor.user && licence !== vendor.user.userLicense)
    add(
      rel,
      'userLicense',
      `is "${licence ?? '(none)'}", but the integration user's licence is "${vendor.user.userLicense}"`,
      `Write <userLicense>${vendor.user.userLicense}</userLicense>.`
    );
  for (const up of file.node.userPermissions ?? []) {
    if (typeof up === 'object' && textOf(up.enabled?.[0]) === 'true') {
      add(
        rel,
        `userPermissions ${textOf(up.name?.[0]) ?? ''}`,
        'is granted by the hardened profile; the vendor’s permissions belong in its permission sets, where the review shows them',
        'Remove it from the profile.'
      );
    }
  }
  // The profile's ranges bind OAuth logins only while the app enforces IP restrictions.
  const policy = vendor.externalClientApp ? files.get(vendor.externalClientApp.oauthPolicies) : undefined;
  const relaxation = policy ? selectText(policy.node, ORG_FIELDS.policyIpRelaxation.path) ?? 'Enforce' : undefined;
  if (policy && relaxation !== 'Enforce' && relaxation !== 'Enforce_RelaxRefresh') {
    add(
      policy.rel,
      'ipRelaxationPolicyType',
      `is ${relaxation}, so the hardened profile's login IP ranges would not bind the app's OAuth logins`,
      'Write <ipRelaxationPolicyType>Enforce</ipRelaxationPolicyType> (the guide\'s "Enforce IP restrictions").'
    );
  }
  const ranges = profileLoginRanges(file);
  ranges.forEach((r, i) => {
    const result = checkRange(r.start, r.end);
    if (!result.ok) add(rel, `loginIpRanges[${i}]`, result.reason, result.fix);
  });
  if (!ranges.length)
    add(
      rel,
      'loginIpRanges',
      'is empty: a profile without login IP ranges lets the user log in from any address',
      `Add one <loginIpRanges> per ${vendor.trustedRanges.owner} range.`
    );
  else if (!sameRanges(ranges, fixedRanges)) {
    add(
      rel,
      'loginIpRanges',
      `differ from ${vendor.trustedRanges.owner}'s ranges (${vendor.trustedRanges.source})`,
      `List exactly the ranges of ${vendor.relDir}/${vendor.trustedRanges.file ?? 'vendor.json'}: ${fixedRanges
        .map((r) => `${r.start}-${r.end}`)
        .join(', ')}.`
    );
  }
};
