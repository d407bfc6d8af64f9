import fs from 'node:fs';
import path from 'node:path';
import type { Vendor } from '../catalogue';
import { type Problem, problemsFrom } from '../problems';
import type { CheckedFile } from './checkMetadataFile';
import { PERMISSIONS, permissionsOf } from './permissionCatalogue';
import { findMissingRequirements } from './permissionClosure';
import type { VendorMetadata } from './vendorMetadata';
import { textOf } from './xml';

const problem = problemsFrom('metadata');

/** The permission sets vendor.json lists against the files in its folder; records what each grants in `metadata`. */
export const checkPermissionSets = (vendor: Vendor, metadata: VendorMetadata): Problem[] => {
  const problems: Problem[] = [];
  const listed = new Set(vendor.permissionSets.map((p) => p.file));
  for (const [vendorRel, file] of metadata.files) {
    if (file.root === 'PermissionSet' && !listed.has(vendorRel)) {
      problems.push(problem.error('PermissionSetNotListed', { file: file.rel, field: '' }, [], [vendor.relDir]));
    }
  }
  for (const name of Object.keys(vendor.permissions ?? {}).filter((n) => PERMISSIONS[n])) {
    problems.push(
      problem.error(
        'PermissionAlreadyCatalogued',
        { file: `${vendor.relDir}/vendor.json`, field: `permissions.${name}` },
        [name, PERMISSIONS[name]?.label ?? name],
        [name]
      )
    );
  }
  for (const [i, ref] of vendor.permissionSets.entries())
    problems.push(...checkPermissionSet(vendor, metadata, ref, i));
  return problems;
};

type PermissionSetRef = Vendor['permissionSets'][number];

/** The user permissions a permission set grants: each enabled, described, and with what it requires. */
const grantProblems = (vendor: Vendor, ref: PermissionSetRef, file: CheckedFile, permissions: string[]): Problem[] => {
  const problems: Problem[] = [];
  const rel = `${vendor.relDir}/${ref.file}`;
  for (const up of file.node.userPermissions ?? []) {
    if (typeof up === 'object' && textOf(up.enabled?.[0]) !== 'true') {
      problems.push(
        problem.error('PermissionNotEnabled', { file: rel, field: `userPermissions ${textOf(up.name?.[0]) ?? ''}` })
      );
    }
  }
  const catalogue = permissionsOf(vendor);
  for (const name of permissions) {
    if (!catalogue[name]) {
      problems.push(
        problem.error(
          'PermissionNotCatalogued',
          { file: rel, field: `userPermissions ${name}` },
          [name, vendor.relDir],
          [vendor.relDir, name]
        )
      );
    }
  }
  for (const asked of vendor.guideRequiredPermissions[ref.name] ?? []) {
    if (!permissions.includes(asked)) {
      problems.push(
        problem.error(
          'GuidePermissionNotGranted',
          { file: rel, field: `userPermissions ${asked}` },
          [vendor.name, catalogue[asked]?.label ?? asked, asked],
          [asked]
        )
      );
    }
  }
  for (const { permission, requiredBy } of findMissingRequirements(permissions, catalogue).missing) {
    problems.push(
      problem.error(
        'PermissionDependencyNotGranted',
        { file: rel, field: `userPermissions ${requiredBy}` },
        [requiredBy, permission, catalogue[permission]?.label ?? permission, requiredBy, permission],
        [permission]
      )
    );
  }
  return problems;
};

const OBJECT_ACCESS = ['allowCreate', 'allowDelete', 'allowEdit', 'allowRead', 'modifyAllRecords', 'viewAllRecords'];

/** Checks one permission set vendor.json lists, and records what it grants in `metadata`. */
const checkPermissionSet = (vendor: Vendor, metadata: VendorMetadata, ref: PermissionSetRef, i: number): Problem[] => {
  const problems: Problem[] = [];
  const entry = `${vendor.relDir}/vendor.json`;
  const file = metadata.files.get(ref.file);
  const rel = `${vendor.relDir}/${ref.file}`;
  if (!file) {
    if (!fs.existsSync(path.join(vendor.dir, ref.file)))
      problems.push(
        problem.error('PermissionSetFileMissing', { file: entry, field: `permissionSets[${i}].file` }, [ref.file])
      );
    return problems;
  }
  const fullName = path.basename(ref.file).replace(/\.permissionset-meta\.xml$/, '');
  if (fullName !== ref.name)
    problems.push(
      problem.error('PermissionSetNameMismatch', { file: entry, field: `permissionSets[${i}].name` }, [
        ref.name,
        fullName,
      ])
    );
  if (ref.assign === 'feature' && !vendor.features.some((f) => f.id === ref.feature)) {
    problems.push(
      problem.error('PermissionSetFeatureUnknown', { file: entry, field: `permissionSets[${i}].feature` }, [
        ref.feature ?? '',
        vendor.name,
      ])
    );
  }
  const permissions = (file.node.userPermissions ?? []).flatMap((u) =>
    typeof u === 'object' ? [textOf(u.name?.[0]) ?? ''] : []
  );
  problems.push(...grantProblems(vendor, ref, file, permissions));
  const catalogue = permissionsOf(vendor);
  for (const { permission, requiredBy } of findMissingRequirements(permissions, catalogue).whereAvailable) {
    metadata.needsOrg.push(
      `${ref.name}: ${requiredBy} requires ${permission} in orgs that have it (${
        catalogue[permission]?.availability ?? 'org-dependent'
      }); deploy adds it from the org's PermissionDependency.`
    );
  }
  const objects = (file.node.objectPermissions ?? []).flatMap((op) => {
    if (typeof op !== 'object') return [];
    const object = textOf(op.object?.[0]) ?? '';
    const access = OBJECT_ACCESS.filter((k) => textOf(op[k]?.[0]) === 'true');
    // ObjectPermissions: "PermissionsViewAllRecords … Requires PermissionsRead" (object reference).
    if (access.includes('viewAllRecords') && !access.includes('allowRead'))
      problems.push(problem.error('ViewAllWithoutRead', { file: rel, field: `objectPermissions ${object}` }));
    return [{ object, access }];
  });
  for (const runtime of vendor.runtimePermissions.filter((r) => r.permissionSet === ref.name)) {
    metadata.needsOrg.push(`${ref.name}: "${runtime.label}" is resolved from the org at deploy time. ${runtime.why}`);
  }
  const license = textOf(file.node.license?.[0]);
  if (license)
    metadata.needsOrg.push(
      `${ref.name}: licence "${license}" must exist in the org as a permission set licence (checked by deploy's preflight).`
    );
  metadata.permissionSets.set(ref.name, {
    label: textOf(file.node.label?.[0]) ?? ref.name,
    ...(license ? { license } : {}),
    permissions,
    objects,
  });
  return problems;
};
