import { copyProject, removeProject } from './projectCopy';

/**
 * Runs each test of the enclosing describe inside a fresh project copy as the working directory,
 * the way a release engineer runs the CLI from the project root. Returns a getter for the folder.
 * `copy` makes the copy (default: this project as it is).
 */
export const useProjectCopyAsCwd = (copy: () => string = copyProject): (() => string) => {
  let dir = '';
  const cwd = process.cwd();
  beforeEach(() => {
    dir = copy();
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    removeProject(dir);
  });
  return () => dir;
};
