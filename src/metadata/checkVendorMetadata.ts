import fs from 'node:fs';
import path from 'node:path';
import { SfError } from '@salesforce/core/sfError';
import type { Vendor } from '../catalogue';
import { decodeText, INPUT_LIMITS, readRegularFile } from '../files';
import { checkRange, parseRangeSpec } from '../network';
import type { IpRange, ParsedRange } from '../network';
import type { Problem } from '../inputs/problem';
import { checkHardenedProfile } from './checkHardenedProfile';
import { checkMetadataFile, CheckedFile } from './checkMetadataFile';
import { selectText } from './elementPath';
import { linkProblems } from './linkProblems';
import { listFiles, toPosix } from './listFiles';
import { PERMISSIONS, permissionsOf } from './permissionCatalogue';
import { findMissingRequirements } from './permissionClosure';
import { PLACEHOLDER, readReplacements, replacementApplies } from './replacementsConfig';
import { textOf } from './xml';

/** What the offline check learned about one vendor, for the package, the review and later commands. */
export type VendorMetadata = {
  vendor: Vendor;
  /** Parsed metadata files by vendor-relative path. */
  files: Map<string, CheckedFile>;
  /** Granted user permissions per permission set. */
  permissionSets: Map<
    string,
    { label: string; license?: string; permissions: string[]; objects: Array<{ object: string; access: string[] }> }
  >;
  /** The vendor's fixed trusted ranges (from its SecuritySettings file). */
  fixedRanges: IpRange[];
  /** Facts only the org can settle; reported, not failed. */
  needsOrg: string[];
};

type Add = (file: string, field: string, message: string, fix: string) => void;

const KEY_MATERIAL = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/;

/** Checks everything in one vendor's folder that can be checked without an org. */
export const checkVendorMetadata = (
  projectDir: string,
  vendor: Vendor
): { metadata: VendorMetadata; problems: Problem[] } => {
  const problems: Problem[] = [];
  const add: Add = (file, field, message, fix) => problems.push({ severity: 'error', file, field, message, fix });
  const metadata: VendorMetadata = {
    vendor,
    files: new Map(),
    permissionSets: new Map(),
    fixedRanges: [],
    needsOrg: [],
  };
  const replacements = readReplacements(projectDir);
  const envNames = new Set(vendor.values.flatMap((v) => (v.env ? [v.env] : [])));
  const replacementFiles = new Set(vendor.values.flatMap((v) => (v.replacementFile ? [v.replacementFile] : [])));

  for (const absolute of listFiles(vendor.dir)) {
    const rel = toPosix(path.relative(projectDir, absolute));
    const vendorRel = toPosix(path.relative(vendor.dir, absolute));
    let text: string;
    try {
      const bytes = readRegularFile(absolute, { display: rel, maxBytes: INPUT_LIMITS.projectFileBytes });
      // Metadata XML must be UTF-8 text; other files (static resources, images) are only searched for key material.
      text = rel.endsWith('-meta.xml') ? decodeText(bytes, rel) : bytes.toString('latin1');
    } catch (err) {
      const e = SfError.wrap(err instanceof Error ? err : String(err));
      add(rel, '', e.message, (e.actions ?? []).join(' ') || 'Restore the file from git.');
      continue;
    }
    // Secrets never live in force-app (STYLE 9): a key here would be deployed, logged or committed.
    if (KEY_MATERIAL.test(text)) {
      add(
        rel,
        '',
        'contains private key material',
        'Delete the key from force-app/ (and from git history); keep keys outside the project, mode 0600.'
      );
      continue;
    }
    if (!rel.endsWith('-meta.xml')) continue;
    if (text.includes('-----BEGIN CERTIFICATE-----')) {
      add(
        rel,
        '',
        'contains certificate text',
        'Put a placeholder in the file and let a replaceWithFile replacement in sfdx-project.json supply the certificate.'
      );
    }
    const { file, problems: fileProblems } = checkMetadataFile(rel, text);
    problems.push(...fileProblems);
    if (file) metadata.files.set(vendorRel, file);
    for (const placeholder of new Set(text.match(PLACEHOLDER) ?? [])) {
      const entry = replacements.find((r) => r.stringToReplace === placeholder && replacementApplies(r, rel));
      if (!entry) {
        add(
          rel,
          placeholder,
          'is a placeholder no sfdx-project.json replacement fills',
          `Add a replacements entry for "${placeholder}" with filename "${rel}", or remove the placeholder.`
        );
      } else if (entry.replaceWithEnv && !envNames.has(entry.replaceWithEnv)) {
        add(
          'sfdx-project.json',
          `replacements ${placeholder}`,
          `reads environment variable ${entry.replaceWithEnv}, which no ${vendor.name} value provides`,
          `Add a value with "env": "${entry.replaceWithEnv}" to ${vendor.relDir}/vendor.json.`
        );
      } else if (entry.replaceWithFile && !replacementFiles.has(entry.replaceWithFile)) {
        add(
          'sfdx-project.json',
          `replacements ${placeholder}`,
          `reads file ${entry.replaceWithFile}, which no ${vendor.name} value stages`,
          `Add a value with "replacementFile": "${entry.replaceWithFile}" to ${vendor.relDir}/vendor.json.`
        );
      }
    }
  }
  problems.push(...linkProblems(projectDir, vendor.dir));
  for (const entry of replacements) {
    if (
      entry.filename?.startsWith(`${vendor.packageDirectory}/`) &&
      !fs.existsSync(path.join(projectDir, entry.filename))
    ) {
      add(
        'sfdx-project.json',
        `replacements ${entry.stringToReplace ?? entry.regexToReplace ?? ''}`,
        `targets ${entry.filename}, which does not exist`,
        'Fix the filename, or remove the entry.'
      );
    }
  }
  checkPermissionSets(vendor, metadata, add);
  if (vendor.externalClientApp) checkExternalClientApp(vendor, metadata, add);
  checkTrustedRangeFile(vendor, metadata, add);
  checkHardenedProfile(vendor, metadata.files, metadata.fixedRanges, add);
  return { metadata, problems };
};

const checkPermissionSets = (vendor: Vendor, metadata: VendorMetadata, add: Add): void => {
  const listed = new Set(vendor.permissionSets.map((p) => p.file));
  for (const [vendorRel, file] of metadata.files) {
    if (file.root === 'PermissionSet' && !listed.has(vendorRel)) {
      add(
        file.rel,
        '',
        'is a permission set vendor.json does not list',
        `Add it to permissionSets in ${vendor.relDir}/vendor.json, or delete it.`
      );
    }
  }
  for (const name of Object.keys(vendor.permissions ?? {}).filter((n) => PERMISSIONS[n])) {
    add(
      `${vendor.relDir}/vendor.json`,
      `permissions.${name}`,
      `${name} is already in the permission catalogue (${PERMISSIONS[name]?.label ?? name})`,
      `Remove permissions.${name}: the shared entry describes it.`
    );
  }
  for (const [i, ref] of vendor.permissionSets.entries()) {
    const file = metadata.files.get(ref.file);
    const rel = `${vendor.relDir}/${ref.file}`;
    if (!file) {
      if (!fs.existsSync(path.join(vendor.dir, ref.file)))
        add(
          `${vendor.relDir}/vendor.json`,
          `permissionSets[${i}].file`,
          `${ref.file} does not exist`,
          'Fix the path, or create the permission set.'
        );
      continue;
    }
    const fullName = path.basename(ref.file).replace(/\.permissionset-meta\.xml$/, '');
    if (fullName !== ref.name)
      add(
        `${vendor.relDir}/vendor.json`,
        `permissionSets[${i}].name`,
        `"${ref.name}" differs from the file's API name "${fullName}"`,
        'Make the name and the file name agree.'
      );
    if (ref.assign === 'feature' && !vendor.features.some((f) => f.id === ref.feature)) {
      add(
        `${vendor.relDir}/vendor.json`,
        `permissionSets[${i}].feature`,
        `"${ref.feature ?? ''}" is not a feature of ${vendor.name}`,
        'Name a feature listed under features.'
      );
    }
    const permissions = (file.node.userPermissions ?? []).flatMap((u) =>
      typeof u === 'object' ? [textOf(u.name?.[0]) ?? ''] : []
    );
    for (const up of file.node.userPermissions ?? []) {
      if (typeof up === 'object' && textOf(up.enabled?.[0]) !== 'true') {
        add(
          rel,
          `userPermissions ${textOf(up.name?.[0]) ?? ''}`,
          'is listed but not enabled',
          'Set <enabled>true</enabled>, or remove the entry: a vendor permission set only grants.'
        );
      }
    }
    const catalogue = permissionsOf(vendor);
    for (const name of permissions) {
      if (!catalogue[name]) {
        add(
          rel,
          `userPermissions ${name}`,
          `"${name}" is not in the permission catalogue, nor described in ${vendor.relDir}/vendor.json permissions`,
          `Check the API name against describe(PermissionSet) (the field name without "Permissions"), then describe it in ${vendor.relDir}/vendor.json: "permissions": { "${name}": { "label": "<Setup label>", "tier": <0-4>, "why": "<the guide step>" } }.`
        );
      }
    }
    for (const asked of vendor.guideRequiredPermissions[ref.name] ?? []) {
      if (!permissions.includes(asked)) {
        add(
          rel,
          `userPermissions ${asked}`,
          `the ${vendor.name} guide asks for ${
            catalogue[asked]?.label ?? asked
          } (${asked}), but the permission set does not grant it`,
          `Add <userPermissions><enabled>true</enabled><name>${asked}</name></userPermissions>.`
        );
      }
    }
    const { missing, whereAvailable } = findMissingRequirements(permissions, catalogue);
    for (const { permission, requiredBy } of missing) {
      add(
        rel,
        `userPermissions ${requiredBy}`,
        `${requiredBy} requires ${permission} (${
          catalogue[permission]?.label ?? permission
        }); Setup adds it silently, a deploy fails with "Permission ${requiredBy} depends on permission(s): ${permission}"`,
        `Add <userPermissions><enabled>true</enabled><name>${permission}</name></userPermissions>.`
      );
    }
    for (const { permission, requiredBy } of whereAvailable) {
      metadata.needsOrg.push(
        `${ref.name}: ${requiredBy} requires ${permission} in orgs that have it (${
          catalogue[permission]?.availability ?? 'org-dependent'
        }); deploy adds it from the org's PermissionDependency.`
      );
    }
    const objects = (file.node.objectPermissions ?? []).flatMap((op) => {
      if (typeof op !== 'object') return [];
      const object = textOf(op.object?.[0]) ?? '';
      const access = [
        'allowCreate',
        'allowDelete',
        'allowEdit',
        'allowRead',
        'modifyAllRecords',
        'viewAllRecords',
      ].filter((k) => textOf(op[k]?.[0]) === 'true');
      // ObjectPermissions: "PermissionsViewAllRecords … Requires PermissionsRead" (object reference).
      if (access.includes('viewAllRecords') && !access.includes('allowRead'))
        add(
          rel,
          `objectPermissions ${object}`,
          'View All without Read is rejected by Salesforce',
          'Set <allowRead>true</allowRead>.'
        );
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
  }
};

const checkExternalClientApp = (vendor: Vendor, metadata: VendorMetadata, add: Add): void => {
  const eca = vendor.externalClientApp;
  if (!eca) return;
  const entryFile = `${vendor.relDir}/vendor.json`;
  const header = metadata.files.get(eca.file);
  if (!header) {
    add(entryFile, 'externalClientApp.file', `${eca.file} is missing or invalid`, 'Fix the path or the file.');
    return;
  }
  if (header.node.orgScopedExternalApp)
    add(
      header.rel,
      'orgScopedExternalApp',
      'names an org-scoped app id, which fails in any other org',
      'Remove <orgScopedExternalApp>; Salesforce generates it on the first deploy.'
    );
  const satellites: Array<[string, string]> = [
    ['globalOauthSettings', eca.globalOauthSettings],
    ['oauthSettings', eca.oauthSettings],
    ['oauthPolicies', eca.oauthPolicies],
    ['policies', eca.policies],
  ];
  for (const [key, vendorRel] of satellites) {
    const file = metadata.files.get(vendorRel);
    if (!file) {
      add(entryFile, `externalClientApp.${key}`, `${vendorRel} is missing or invalid`, 'Fix the path or the file.');
      continue;
    }
    const parent = selectText(file.node, 'externalClientApplication');
    if (parent !== eca.name)
      add(
        file.rel,
        'externalClientApplication',
        `names "${parent ?? ''}", not the app "${eca.name}"`,
        `Set <externalClientApplication>${eca.name}</externalClientApplication>.`
      );
  }
  const global = metadata.files.get(eca.globalOauthSettings);
  for (const secret of ['consumerKey', 'consumerSecret']) {
    if (global?.node[secret])
      add(
        global.rel,
        secret,
        `holds a ${secret}; Salesforce says these settings "must not be added to source control", and the org mints its own`,
        `Remove <${secret}> from the file (and from git history).`
      );
  }
  if (global && !/^__[A-Z0-9_]+__$/.test(selectText(global.node, 'certificate') ?? '')) {
    add(
      global.rel,
      'certificate',
      'must be a placeholder that a replaceWithFile replacement fills',
      `Write <certificate>__${vendor.name
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, '_')}_SERVER_CRT__</certificate> (or your placeholder) and add the replacement.`
    );
  }
  const oauth = metadata.files.get(eca.oauthSettings);
  if (oauth?.node.oauthLink)
    add(
      oauth.rel,
      'oauthLink',
      'holds an OAuth link; a foreign link fails the deploy, and Salesforce generates it when absent',
      'Remove <oauthLink>.'
    );
  const policy = metadata.files.get(eca.oauthPolicies);
  for (const name of (selectText(policy?.node ?? {}, 'commaSeparatedPermissionSet') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!vendor.permissionSets.some((p) => p.name === name)) {
      add(
        policy?.rel ?? entryFile,
        'commaSeparatedPermissionSet',
        `names permission set "${name}", which ${vendor.name} does not define`,
        `Use one of: ${vendor.permissionSets.map((p) => p.name).join(', ')}.`
      );
    }
  }
};

const checkTrustedRangeFile = (vendor: Vendor, metadata: VendorMetadata, add: Add): void => {
  const spec = vendor.trustedRanges;
  if (!spec.file) return;
  const file = metadata.files.get(spec.file);
  const rel = `${vendor.relDir}/${spec.file}`;
  if (!file) {
    if (!fs.existsSync(path.join(vendor.dir, spec.file)))
      add(`${vendor.relDir}/vendor.json`, 'trustedRanges.file', `${spec.file} does not exist`, 'Fix the path.');
    return;
  }
  const access = file.node.networkAccess?.[0];
  const ranges = typeof access === 'object' ? access.ipRanges ?? [] : [];
  ranges.forEach((node, i) => {
    if (typeof node !== 'object') return;
    const start = textOf(node.start?.[0]) ?? '';
    const end = textOf(node.end?.[0]) ?? '';
    const description = textOf(node.description?.[0]) ?? '';
    const result = checkRange(start, end);
    if (!result.ok) add(rel, `networkAccess/ipRanges[${i}]`, result.reason, result.fix);
    if (!description.startsWith(spec.descriptionPrefix)) {
      add(
        rel,
        `networkAccess/ipRanges[${i}]/description`,
        `"${description}" does not start with "${spec.descriptionPrefix}", so deploy could not tell the range is ${spec.owner}'s`,
        `Describe it "${spec.descriptionPrefix} ${i + 1}".`
      );
    }
    metadata.fixedRanges.push({ start, end, description });
  });
  if (spec.published) {
    // Each published entry is checked on its own and named when bad, so a typo in vendor.json is
    // never reported as a correct range being "missing" or "extra".
    const catalogue = `${vendor.relDir}/vendor.json`;
    const key = (r: ParsedRange): string => `${r.start.family}:${r.start.value}-${r.end.value}`;
    const expected = new Map<string, string>();
    if (spec.published.length > INPUT_LIMITS.trustedRanges) {
      add(
        catalogue,
        'trustedRanges.published',
        `holds ${spec.published.length} ranges; at most ${INPUT_LIMITS.trustedRanges} are accepted in one list`,
        'Merge neighbouring addresses into CIDR blocks or start-end ranges.'
      );
      return;
    }
    spec.published.forEach((p, i) => {
      const r = typeof p === 'string' ? parseRangeSpec(p) : undefined;
      if (!r)
        add(
          catalogue,
          `trustedRanges.published[${i}]`,
          'must be a string such as "203.0.113.0/28"',
          'Write the range the vendor publishes as a string.'
        );
      else if (!r.ok) add(catalogue, `trustedRanges.published[${i}]`, r.reason, r.fix);
      else expected.set(key(r.range), p);
    });
    const actual = new Set<string>();
    const extra: IpRange[] = [];
    for (const r of metadata.fixedRanges) {
      const c = checkRange(r.start, r.end);
      if (!c.ok) continue;
      actual.add(key(c.range));
      if (!expected.has(key(c.range))) extra.push(r);
    }
    const missing = [...expected].filter(([k]) => !actual.has(k)).map(([, text]) => text);
    // With a bad published entry the file's matching range cannot be told from an extra one.
    if (expected.size < spec.published.length) extra.length = 0;
    if (missing.length)
      add(
        rel,
        'networkAccess',
        `lacks ${missing.join(', ')} from ${spec.source}`,
        'Add a range for each published address (a CIDR block expands to its first and last address).'
      );
    if (extra.length)
      add(
        rel,
        'networkAccess',
        `has ${extra.map((r) => `${r.start}-${r.end}`).join(', ')}, which ${spec.source} does not publish`,
        'Remove it, or add it to trustedRanges.published with its source.'
      );
  }
};
