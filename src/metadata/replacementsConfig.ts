import fs from 'node:fs';
import path from 'node:path';

/** One sfdx-project.json `replacements` entry, as SDR reads it (reference external-client-app E). */
export type ReplacementEntry = {
  filename?: string;
  glob?: string;
  stringToReplace?: string;
  regexToReplace?: string;
  replaceWithEnv?: string;
  replaceWithFile?: string;
  allowUnsetEnvVariable?: boolean;
};

export const readReplacements = (projectDir: string): ReplacementEntry[] => {
  try {
    const project = JSON.parse(fs.readFileSync(path.join(projectDir, 'sfdx-project.json'), 'utf8')) as {
      replacements?: unknown;
    };
    return Array.isArray(project.replacements) ? (project.replacements as ReplacementEntry[]) : [];
  } catch {
    return [];
  }
};

/** Whether an entry applies to a project-relative posix path, the way SDR matches it (suffix or glob). */
export const replacementApplies = (entry: ReplacementEntry, relPath: string): boolean => {
  if (entry.filename) return `/${relPath}`.endsWith(`/${entry.filename.replace(/^\.?\//, '')}`);
  if (entry.glob) return globToRegExp(entry.glob).test(relPath);
  return false;
};

// path.matchesGlob is experimental on Node 20 (it warns); this covers the ** and * forms sfdx-project.json globs use.
const globToRegExp = (glob: string): RegExp => {
  const escaped = glob
    .split('**/')
    .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('(?:.*/)?');
  return new RegExp(`(^|/)${escaped}$`);
};

/** Placeholders in this project's own style: `__UPPER_SNAKE__`. */
export const PLACEHOLDER = /__[A-Z0-9]+(?:_[A-Z0-9]+)*__/g;
