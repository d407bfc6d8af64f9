import fs from 'node:fs';
import path from 'node:path';
import { SfError } from '@salesforce/core/sfError';
import type { Vendor } from '../catalogue';
import { decodeText, INPUT_LIMITS, readRegularFile } from '../files';
import { checkRange, parseRangeSpec, rangeProblem } from '../network';
import type { IpRange, ParsedRange } from '../network';
import type { Problem } from '../problems/problem';
import { problemFromError, problemsFrom } from '../problems/problems';
import { checkHardenedProfile } from './checkHardenedProfile';
import { checkGuideSteps } from './checkGuideSteps';
import { checkMetadataFile, CheckedFile } from './checkMetadataFile';
import { checkOauthFlow } from './checkOauthFlow';
import { selectText } from './elementPath';
import { linkProblems } from './linkProblems';
import { listFiles, toPosix } from './listFiles';
import { PERMISSIONS, permissionsOf } from './permissionCatalogue';
import { findMissingRequirements } from './permissionClosure';
import { PLACEHOLDER, readReplacements, replacementApplies } from './replacementsConfig';
import type { ReplacementEntry } from './replacementsConfig';
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

const problem = problemsFrom('metadata');

const KEY_MATERIAL = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/;

/** What the per-file checks share: the project, the vendor, and the replacements that fill placeholders. */
type FileContext = {
  projectDir: string;
  vendor: Vendor;
  replacements: ReplacementEntry[];
  envNames: Set<string>;
  replacementFiles: Set<string>;
};

/** Each placeholder in a file must be filled by a replacement whose source the vendor provides. */
const placeholderProblems = (context: FileContext, rel: string, text: string): Problem[] => {
  const { vendor, replacements, envNames, replacementFiles } = context;
  const problems: Problem[] = [];
  for (const placeholder of new Set(text.match(PLACEHOLDER) ?? [])) {
    const entry = replacements.find((r) => r.stringToReplace === placeholder && replacementApplies(r, rel));
    const where = { file: 'sfdx-project.json', field: `replacements ${placeholder}` };
    if (!entry) {
      problems.push(
        problem.error('PlaceholderWithoutReplacement', { file: rel, field: placeholder }, [], [placeholder, rel])
      );
    } else if (entry.replaceWithEnv && !envNames.has(entry.replaceWithEnv)) {
      problems.push(
        problem.error(
          'ReplacementEnvWithoutValue',
          where,
          [entry.replaceWithEnv, vendor.name],
          [entry.replaceWithEnv, vendor.relDir]
        )
      );
    } else if (entry.replaceWithFile && !replacementFiles.has(entry.replaceWithFile)) {
      problems.push(
        problem.error(
          'ReplacementFileWithoutValue',
          where,
          [entry.replaceWithFile, vendor.name],
          [entry.replaceWithFile, vendor.relDir]
        )
      );
    }
  }
  return problems;
};

/** Reads and checks one file of the vendor's folder; a parsed metadata file goes into `metadata.files`. */
const checkVendorFile = (context: FileContext, absolute: string, metadata: VendorMetadata): Problem[] => {
  const rel = toPosix(path.relative(context.projectDir, absolute));
  const vendorRel = toPosix(path.relative(context.vendor.dir, absolute));
  const where = { file: rel, field: '' };
  let text: string;
  try {
    const bytes = readRegularFile(absolute, { display: rel, maxBytes: INPUT_LIMITS.projectFileBytes });
    // Metadata XML must be UTF-8 text; other files (static resources, images) are only searched for key material.
    text = rel.endsWith('-meta.xml') ? decodeText(bytes, rel) : bytes.toString('latin1');
  } catch (err) {
    return [
      problemFromError(SfError.wrap(err instanceof Error ? err : String(err)), where, 'Restore the file from git.'),
    ];
  }
  // Secrets never live in force-app (STYLE 9): a key here would be deployed, logged or committed.
  if (KEY_MATERIAL.test(text)) return [problem.error('PrivateKeyInForceApp', where)];
  if (!rel.endsWith('-meta.xml')) return [];
  const problems: Problem[] = [];
  if (text.includes('-----BEGIN CERTIFICATE-----')) problems.push(problem.error('CertificateTextInMetadata', where));
  const { file, problems: fileProblems } = checkMetadataFile(rel, text);
  problems.push(...fileProblems);
  if (file) metadata.files.set(vendorRel, file);
  problems.push(...placeholderProblems(context, rel, text));
  return problems;
};

/** Checks everything in one vendor's folder that can be checked without an org. */
export const checkVendorMetadata = (
  projectDir: string,
  vendor: Vendor
): { metadata: VendorMetadata; problems: Problem[] } => {
  const metadata: VendorMetadata = {
    vendor,
    files: new Map(),
    permissionSets: new Map(),
    fixedRanges: [],
    needsOrg: [],
  };
  const replacements = readReplacements(projectDir);
  const context: FileContext = {
    projectDir,
    vendor,
    replacements,
    envNames: new Set(vendor.values.flatMap((v) => (v.env ? [v.env] : []))),
    replacementFiles: new Set(vendor.values.flatMap((v) => (v.replacementFile ? [v.replacementFile] : []))),
  };
  const problems = listFiles(vendor.dir).flatMap((absolute) => checkVendorFile(context, absolute, metadata));
  problems.push(...linkProblems(projectDir, vendor.dir));
  for (const entry of replacements) {
    if (
      entry.filename?.startsWith(`${vendor.packageDirectory}/`) &&
      !fs.existsSync(path.join(projectDir, entry.filename))
    ) {
      problems.push(
        problem.error(
          'ReplacementTargetMissing',
          { file: 'sfdx-project.json', field: `replacements ${entry.stringToReplace ?? entry.regexToReplace ?? ''}` },
          [entry.filename]
        )
      );
    }
  }
  problems.push(
    ...checkPermissionSets(vendor, metadata),
    ...checkExternalClientApp(vendor, metadata, replacements),
    ...checkGuideSteps(vendor, metadata.files, replacements),
    ...checkTrustedRangeFile(vendor, metadata),
    ...checkHardenedProfile(vendor, metadata.files, metadata.fixedRanges)
  );
  return { metadata, problems };
};

const checkPermissionSets = (vendor: Vendor, metadata: VendorMetadata): Problem[] => {
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

const checkExternalClientApp = (
  vendor: Vendor,
  metadata: VendorMetadata,
  replacements: ReplacementEntry[]
): Problem[] => {
  const eca = vendor.externalClientApp;
  if (!eca) return [];
  const problems: Problem[] = [];
  const entryFile = `${vendor.relDir}/vendor.json`;
  const header = metadata.files.get(eca.file);
  if (!header) {
    return [
      problem.error('ExternalClientAppFileMissing', { file: entryFile, field: 'externalClientApp.file' }, [eca.file]),
    ];
  }
  if (header.node.orgScopedExternalApp)
    problems.push(problem.error('OrgScopedExternalAppInSource', { file: header.rel, field: 'orgScopedExternalApp' }));
  const satellites: Array<[string, string]> = [
    ['globalOauthSettings', eca.globalOauthSettings],
    ['oauthSettings', eca.oauthSettings],
    ['oauthPolicies', eca.oauthPolicies],
    ['policies', eca.policies],
  ];
  for (const [key, vendorRel] of satellites) {
    const file = metadata.files.get(vendorRel);
    if (!file) {
      problems.push(
        problem.error('ExternalClientAppFileMissing', { file: entryFile, field: `externalClientApp.${key}` }, [
          vendorRel,
        ])
      );
      continue;
    }
    const parent = selectText(file.node, 'externalClientApplication');
    if (parent !== eca.name)
      problems.push(
        problem.error(
          'ExternalClientAppParentMismatch',
          { file: file.rel, field: 'externalClientApplication' },
          [parent ?? '', eca.name],
          [eca.name]
        )
      );
  }
  const global = metadata.files.get(eca.globalOauthSettings);
  for (const secret of ['consumerKey', 'consumerSecret']) {
    if (global?.node[secret])
      problems.push(
        problem.error('OauthConsumerCredentialInSource', { file: global.rel, field: secret }, [secret], [secret])
      );
  }
  const policy = metadata.files.get(eca.oauthPolicies);
  problems.push(
    ...checkOauthFlow(vendor, { ...(global ? { global } : {}), ...(policy ? { policy } : {}) }, replacements)
  );
  const oauth = metadata.files.get(eca.oauthSettings);
  if (oauth?.node.oauthLink) problems.push(problem.error('OauthLinkInSource', { file: oauth.rel, field: 'oauthLink' }));
  for (const name of (selectText(policy?.node ?? {}, 'commaSeparatedPermissionSet') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!vendor.permissionSets.some((p) => p.name === name)) {
      problems.push(
        problem.error(
          'OauthPolicyPermissionSetUnknown',
          { file: policy?.rel ?? entryFile, field: 'commaSeparatedPermissionSet' },
          [name, vendor.name],
          [vendor.permissionSets.map((p) => p.name).join(', ')]
        )
      );
    }
  }
  return problems;
};

/** The vendor's published ranges, each checked on its own, against the ranges its SecuritySettings file holds. */
const publishedRangeProblems = (vendor: Vendor, metadata: VendorMetadata, rel: string): Problem[] => {
  const spec = vendor.trustedRanges;
  if (!spec?.published) return [];
  // Each published entry is checked on its own and named when bad, so a typo in vendor.json is
  // never reported as a correct range being "missing" or "extra".
  const catalogue = `${vendor.relDir}/vendor.json`;
  const key = (r: ParsedRange): string => `${r.start.family}:${r.start.value}-${r.end.value}`;
  const expected = new Map<string, string>();
  if (spec.published.length > INPUT_LIMITS.trustedRanges) {
    return [
      problem.error('PublishedRangesTooMany', { file: catalogue, field: 'trustedRanges.published' }, [
        spec.published.length,
        INPUT_LIMITS.trustedRanges,
      ]),
    ];
  }
  const problems: Problem[] = [];
  spec.published.forEach((p, i) => {
    const where = { file: catalogue, field: `trustedRanges.published[${i}]` };
    // Each entry is a string: the loader checked vendor.json against its schema (PublishedRangeNotString).
    const r = parseRangeSpec(p);
    if (!r.ok) problems.push(rangeProblem(r.fault, where));
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
  const where = { file: rel, field: 'networkAccess' };
  if (missing.length)
    problems.push(problem.error('TrustedRangesLackPublished', where, [missing.join(', '), spec.source]));
  if (extra.length)
    problems.push(
      problem.error('TrustedRangesNotPublished', where, [
        extra.map((r) => `${r.start}-${r.end}`).join(', '),
        spec.source,
      ])
    );
  return problems;
};

const checkTrustedRangeFile = (vendor: Vendor, metadata: VendorMetadata): Problem[] => {
  const spec = vendor.trustedRanges;
  if (!spec?.file) return [];
  const file = metadata.files.get(spec.file);
  const rel = `${vendor.relDir}/${spec.file}`;
  if (!file) {
    return fs.existsSync(path.join(vendor.dir, spec.file))
      ? []
      : [
          problem.error(
            'TrustedRangeFileMissing',
            { file: `${vendor.relDir}/vendor.json`, field: 'trustedRanges.file' },
            [spec.file]
          ),
        ];
  }
  const problems: Problem[] = [];
  const access = file.node.networkAccess?.[0];
  const ranges = typeof access === 'object' ? access.ipRanges ?? [] : [];
  ranges.forEach((node, i) => {
    if (typeof node !== 'object') return;
    const start = textOf(node.start?.[0]) ?? '';
    const end = textOf(node.end?.[0]) ?? '';
    const description = textOf(node.description?.[0]) ?? '';
    const result = checkRange(start, end);
    if (!result.ok) problems.push(rangeProblem(result.fault, { file: rel, field: `networkAccess/ipRanges[${i}]` }));
    if (!description.startsWith(spec.descriptionPrefix)) {
      problems.push(
        problem.error(
          'TrustedRangeDescriptionNotOwned',
          { file: rel, field: `networkAccess/ipRanges[${i}]/description` },
          [description, spec.descriptionPrefix, spec.owner],
          [spec.descriptionPrefix, i + 1]
        )
      );
    }
    metadata.fixedRanges.push({ start, end, description });
  });
  problems.push(...publishedRangeProblems(vendor, metadata, rel));
  return problems;
};
