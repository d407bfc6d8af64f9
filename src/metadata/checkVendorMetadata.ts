import fs from 'node:fs';
import path from 'node:path';
import { SfError } from '@salesforce/core/sfError';
import type { Vendor } from '../catalogue';
import { decodeText, INPUT_LIMITS, readRegularFile } from '../files';
import { type Problem, problemFromError, problemsFrom } from '../problems';
import { checkHardenedProfile } from './checkHardenedProfile';
import { checkGuideSteps } from './checkGuideSteps';
import { checkExternalClientApp } from './checkExternalClientApp';
import { checkMetadataFile } from './checkMetadataFile';
import { checkPermissionSets } from './checkPermissionSets';
import { checkTrustedRangeFile } from './checkTrustedRangeFile';
import { linkProblems } from './linkProblems';
import { listFiles, toPosix } from './listFiles';
import { PLACEHOLDER, readReplacements, replacementApplies, type ReplacementEntry } from './replacementsConfig';
import { emptyVendorMetadata, type VendorMetadata } from './vendorMetadata';

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
  const metadata = emptyVendorMetadata(vendor);
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
