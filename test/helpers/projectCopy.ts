import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

const PROJECT_PARTS = ['sfdx-project.json', '.forceignore', 'force-app', 'config'];

/** A throwaway copy of this project's metadata and config, so a test can break it safely. */
export const copyProject = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-project-'));
  for (const part of PROJECT_PARTS) fs.cpSync(path.join(PROJECT_ROOT, part), path.join(dir, part), { recursive: true });
  return dir;
};

export const removeProject = (dir: string): void => fs.rmSync(dir, { recursive: true, force: true });

/** Replaces text in a project file; fails loudly when the text is absent so a case cannot silently test nothing. */
export const editFile = (dir: string, file: string, find: string, replacement: string): void => {
  const full = path.join(dir, file);
  const text = fs.readFileSync(full, 'utf8');
  if (!text.includes(find)) throw new Error(`"${find}" not found in ${file}`);
  fs.writeFileSync(full, text.split(find).join(replacement));
};

/** Sets (or with `undefined`, deletes) a value at a dotted path in a JSON file. */
export const setJson = (dir: string, file: string, dotted: string, value: unknown): void => {
  const full = path.join(dir, file);
  const data = JSON.parse(fs.readFileSync(full, 'utf8')) as Record<string, unknown>;
  const keys = dotted.split('.');
  let node: Record<string, unknown> = data;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys.at(-1) as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
  fs.writeFileSync(full, JSON.stringify(data, undefined, 2));
};
