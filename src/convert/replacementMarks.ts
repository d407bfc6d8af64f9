import fs from 'node:fs';
import path from 'node:path';
import type { MarkedReplacement, ReplacementConfig } from '@salesforce/source-deploy-retrieve/lib/src/convert/types';
import {
  envFilter,
  getContentsOfReplacementFile,
  matchesFile,
  replacementIterations,
  stringToRegex,
} from '@salesforce/source-deploy-retrieve/lib/src/convert/replacements';
import type { VendorValues } from '../values';
import { loadMessages } from '../messages';

const internal = loadMessages('internal');

/**
 * SDR 12.37.2 takes replacement values from two places only (convert/replacements.js): a
 * `replaceWithEnv` entry reads `process.env` (through @salesforce/kit's Env) and a
 * `replaceWithFile` entry reads a file, cached by path for the life of the process. Neither
 * MetadataConverter.convert nor ComponentSetBuilder takes values. What SDR does take is the
 * replacements marked on a SourceComponent (`component.replacements`, path → MarkedReplacement[]):
 * its converter pipes every marked file through its own ReplacementStream, and re-marks from
 * sfdx-project.json only when the project it is given has `replacements`. So the values are marked
 * here, straight from the checked values, with SDR's own matching (matchesFile, stringToRegex,
 * envFilter), and the conversion is given a project without `replacements`: no value goes through
 * process.env, and conversions need no lock.
 */
export type ReplacementMarker = (absoluteFile: string) => Promise<MarkedReplacement[] | undefined>;

/** sfdx-project.json `replacements`, replaceWithFile made absolute against the project, as SDR does. */
const projectReplacements = (projectDir: string): ReplacementConfig[] => {
  let entries: unknown;
  try {
    entries = (
      JSON.parse(fs.readFileSync(path.join(projectDir, 'sfdx-project.json'), 'utf8')) as { replacements?: unknown }
    ).replacements;
  } catch {
    return [];
  }
  if (!Array.isArray(entries)) return [];
  return (entries as ReplacementConfig[]).map((r) =>
    'replaceWithFile' in r && typeof r.replaceWithFile === 'string' && !path.isAbsolute(r.replaceWithFile)
      ? { ...r, replaceWithFile: path.join(projectDir, r.replaceWithFile) }
      : r
  );
};

/**
 * Marks a file's replacements the way SDR's ReplacementMarkingStream would for `projectDir`, with
 * the values' staged text instead of the environment and the staged files: a variable the values do
 * not set is read from the environment, and a file they do not stage from disk, as SDR would.
 * Files are named by the path they have where they are converted: a workspace keeps the project's
 * relative layout, so `filename` entries (matched as path suffixes) match as in the project.
 */
export const replacementMarker = (projectDir: string, values: VendorValues[]): ReplacementMarker => {
  const configs = projectReplacements(projectDir).filter(envFilter);
  const envValues = new Map(values.flatMap((v) => Object.entries(v.env)));
  // SDR trims a replacement file's content (getContentsOfReplacementFile): so is the staged text.
  const fileValues = new Map(
    values.flatMap((v) => v.replacementFiles.map((f) => [path.resolve(projectDir, f.to), f.content.trim()] as const))
  );
  const valueOf = async (r: ReplacementConfig): Promise<string> => {
    if ('replaceWithEnv' in r && typeof r.replaceWithEnv === 'string') {
      const value = envValues.get(r.replaceWithEnv) ?? process.env[r.replaceWithEnv];
      if (value !== undefined) return value;
      if (r.allowUnsetEnvVariable) return '';
      // SDR's own words for this case (getEnvValue in convert/replacements.js).
      throw internal.createError('error.ReplacementVariableUnset', [r.replaceWithEnv]);
    }
    const file = (r as { replaceWithFile: string }).replaceWithFile;
    return fileValues.get(path.resolve(file)) ?? getContentsOfReplacementFile(file);
  };
  return async (absoluteFile) => {
    const matching = configs.filter(matchesFile(absoluteFile));
    if (!matching.length) return undefined;
    return Promise.all(
      matching.map(async (r) => ({
        matchedFilename: absoluteFile,
        singleFile: Boolean(r.filename),
        toReplace:
          typeof r.stringToReplace === 'string' ? stringToRegex(r.stringToReplace) : new RegExp(r.regexToReplace, 'g'),
        replaceWith: await valueOf(r),
      }))
    );
  };
};

/** A text with its marked replacements applied, by SDR's own replacement loop. */
export const applyMarks = async (text: string, marks: MarkedReplacement[] | undefined): Promise<string> =>
  marks?.length ? (await replacementIterations(text, marks)).output : text;
