import { RegistryAccess } from '@salesforce/source-deploy-retrieve';

const byProject = new Map<string, RegistryAccess>();

/**
 * SDR's metadata registry for the project SDR would find from the working directory, made once.
 * Every ComponentSet and deploy SDR creates without one builds its own (reading the project and
 * merging the whole registry): per org, several times, it was a large part of a fleet run's CPU.
 */
export const sdrRegistry = (): RegistryAccess => {
  const dir = process.cwd();
  const found = byProject.get(dir) ?? new RegistryAccess(undefined, dir);
  byProject.set(dir, found);
  return found;
};
