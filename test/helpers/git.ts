import { execFileSync } from 'node:child_process';

/** A committer for test repositories, so commits work on a machine with no git identity (CI). */
export const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'T',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 'T',
  GIT_COMMITTER_EMAIL: 't@example.com',
};

/** Runs git in `dir` with that committer; returns what it printed. */
export const git = (dir: string, ...args: string[]): string =>
  execFileSync('git', args, { cwd: dir, env: GIT_ENV }).toString();
