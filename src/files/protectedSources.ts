import fs from 'node:fs';
import path from 'node:path';
import { INPUT_LIMITS } from './inputLimits';
import { readRegularFile } from './readRegularFile';

/** A file the run reads, and what it is for messages ("the values file", "the private key"). */
export type RunInput = { file: string; what: string };

/** The real path of the deepest existing ancestor, with the missing rest appended (a loop-free walk up). */
export const realPathOfPossiblyMissing = (target: string): string => {
  const missing: string[] = [];
  let current = path.resolve(target);
  for (;;) {
    try {
      return path.join(fs.realpathSync(current), ...missing);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.join(current, ...missing);
      missing.unshift(path.basename(current));
      current = parent;
    }
  }
};

/** The package directories sfdx-project.json lists (relative paths), or none when it cannot be read. */
const packageDirectories = (projectDir: string): string[] => {
  try {
    const file = path.join(projectDir, 'sfdx-project.json');
    const data = JSON.parse(
      readRegularFile(file, { maxBytes: INPUT_LIMITS.projectFileBytes }).toString('utf8')
    ) as unknown;
    const list = (data as { packageDirectories?: unknown } | null)?.packageDirectories;
    return Array.isArray(list)
      ? list.flatMap((d) =>
          typeof (d as { path?: unknown } | null)?.path === 'string' ? [(d as { path: string }).path] : []
        )
      : [];
  } catch {
    // A missing or broken project file is reported by the commands that read it; force-app/ stays protected.
    return [];
  }
};

/**
 * What no output may touch, as real paths: the source (force-app/ and every package directory of
 * sfdx-project.json) and the files the run reads, sfdx-project.json among them.
 */
export const protectedSources = (
  projectDir: string,
  reads: RunInput[]
): { sources: string[]; reads: Array<{ real: string; what: string }> } => {
  const sources = [...new Set(['force-app', ...packageDirectories(projectDir)])]
    .filter((p) => p.trim() !== '' && !path.isAbsolute(p))
    .map((p) => path.resolve(projectDir, p))
    // A package directory that is the project itself would forbid every output: force-app/ stays the rule then.
    .filter((p) => path.relative(projectDir, p) !== '' && !path.relative(projectDir, p).startsWith('..'))
    .map(realPathOfPossiblyMissing);
  return {
    sources,
    reads: [{ file: path.join(projectDir, 'sfdx-project.json'), what: 'the project file' }, ...reads].map((r) => ({
      real: realPathOfPossiblyMissing(path.resolve(projectDir, r.file)),
      what: r.what,
    })),
  };
};
