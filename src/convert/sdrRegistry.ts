import path from 'node:path';
import { RegistryAccess } from '@salesforce/source-deploy-retrieve';

const byProject = new Map<string, RegistryAccess>();

/**
 * SDR's metadata registry for a project (default: the one SDR would find from the working
 * directory), made once per project. Every ComponentSet, conversion and deploy SDR creates without
 * one builds its own, reading the project and merging the whole registry: per org, several times,
 * that was a large part of a fleet run's CPU.
 */
export const sdrRegistry = (projectDir: string = process.cwd()): RegistryAccess => {
  const dir = path.resolve(projectDir);
  const found = byProject.get(dir) ?? new RegistryAccess(undefined, dir);
  byProject.set(dir, found);
  return found;
};
