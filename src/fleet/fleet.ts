import fs from 'node:fs';
import path from 'node:path';
import { SfError } from '@salesforce/core/sfError';
import { decodeText, INPUT_LIMITS, readRegularFile, shownPath } from '../files';
import { type Problem, problemFromError, problemsFrom } from '../problems';
import { loadMessages } from '../messages';

const messages = loadMessages('drift');
const problem = problemsFrom('drift');

/** One org of the fleet: its sf alias, its values file, and the repository secret holding its sfdx auth URL. */
export type FleetOrg = { alias: string; values: string; secret: string };
/**
 * At most this many orgs per matrix job (`--orgs-per-job`; one job runs one verify over its orgs):
 * the drift-watch workflow gives each job this many secret
 * slots (`AUTH_URL_n: secrets[matrix.secret_n]`), the only way to hand a job its own orgs' secrets
 * and no others (GitHub has no expression that selects several secrets by a list of names).
 */
export const MAX_ORGS_PER_JOB = 10;

/**
 * One GitHub Actions matrix job: orgs sharing a values file, verified in one run with --concurrency.
 * `secret_1`…`secret_10` name the secret of each alias in order ('' for an unused slot); `login` is
 * the `vendor-access login` arguments pairing each alias with its slot's environment variable.
 */
export type FleetShard = {
  shard: number;
  values: string;
  aliases: string;
  secrets: string;
  targets: string;
  login: string;
} & Record<`secret_${number}`, string>;

// Matrix values reach `run:` lines of the workflow, so each must be a plain word (no shell or expression syntax).
const ALIAS = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
const VALUES = /^[A-Za-z0-9_./-]+\.json$/;
const SECRET = /^[A-Z][A-Z0-9_]{0,99}$/;

/** The most jobs one matrix may generate per workflow run (GitHub Actions' documented limit). */
export const MAX_MATRIX_JOBS = 256;

const invalid = (file: string, problems: Problem[]): Error => {
  // The message lists the first problems; --json carries them all (data.problems).
  const shown = problems.slice(0, 20).map((p) => `  ${p.field || '(file)'}: ${p.message}\n    Fix: ${p.fix}`);
  if (problems.length > shown.length) shown.push(`  … and ${problems.length - shown.length} more (see --json)`);
  return messages.createError('error.FleetInvalid', [file, problems.length, shown.join('\n')]).setData({ problems });
};

/** The fleet file as JSON, read like a values file: a regular UTF-8 file within INPUT_LIMITS.fleetFileBytes. */
const readFleetFile = (absolute: string, file: string): unknown => {
  const where = { file, field: '' };
  let text: string;
  try {
    text = decodeText(readRegularFile(absolute, { display: file, maxBytes: INPUT_LIMITS.fleetFileBytes }), file);
  } catch (err) {
    const e = SfError.wrap(err instanceof Error ? err : String(err));
    throw invalid(file, [problemFromError(e, where, 'Pass the right --fleet path.')]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    // JSON.parse's message quotes at most a few characters around the fault, never a whole file.
    throw invalid(file, [problem.error('FleetFileNotJson', where, [(err as Error).message.slice(0, 200)])]);
  }
};

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;

/**
 * Reads `config/fleet.json` ({"orgs": [{"alias", "values", "secret"}]}) with the values file's
 * limits and checks: a pipe, a device or a huge file is refused unread, and every problem (the
 * file, the field, the fix) is listed at once (FleetInvalidError, problems in its data) before
 * anything runs.
 */
export const loadFleet = (projectDir: string, file: string): FleetOrg[] => {
  const data = readFleetFile(path.resolve(projectDir, file), file);
  const at = (field: string): { file: string; field: string } => ({ file, field });
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw invalid(file, [problem.error('FleetNotObject', at(''), [describe(data)])]);
  const list = (data as { orgs?: unknown }).orgs;
  const problems: Problem[] = [];
  if (!Array.isArray(list) || !list.length) problems.push(problem.error('FleetOrgsNotAList', at('orgs')));
  const orgs: FleetOrg[] = [];
  const seen = new Set<string>();
  for (const [i, entry] of (Array.isArray(list) ? list : []).entries()) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push(problem.error('FleetOrgNotObject', at(`orgs[${i}]`), [describe(entry)]));
      continue;
    }
    const e = entry as Record<string, unknown>;
    const [alias, values, secret] = [e.alias, e.values, e.secret].map((v) => (typeof v === 'string' ? v : ''));
    const text = (v: unknown): string => (typeof v === 'string' ? shownPath(v) : describe(v));
    if (!ALIAS.test(alias as string))
      problems.push(problem.error('FleetAliasInvalid', at(`orgs[${i}].alias`), [text(e.alias)]));
    else if (seen.has(alias as string))
      problems.push(problem.error('FleetAliasTwice', at(`orgs[${i}].alias`), [alias]));
    if (!VALUES.test(values as string))
      problems.push(problem.error('FleetValuesPathInvalid', at(`orgs[${i}].values`), [text(e.values)]));
    else if (!fs.existsSync(path.resolve(projectDir, values as string)))
      problems.push(problem.error('FleetValuesMissing', at(`orgs[${i}].values`), [values]));
    if (!SECRET.test(secret as string))
      problems.push(problem.error('FleetSecretInvalid', at(`orgs[${i}].secret`), [text(e.secret)]));
    seen.add(alias as string);
    orgs.push({ alias: alias as string, values: values as string, secret: secret as string });
  }
  if (problems.length) throw invalid(file, problems);
  return orgs;
};

/** `--orgs-per-job`: a whole number from 1 to MAX_ORGS_PER_JOB, read from the text as typed. */
export const checkOrgsPerJob = (given: unknown): number => {
  const text = String(given ?? '').trim();
  const value = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value) || value < 1 || value > MAX_ORGS_PER_JOB)
    throw messages.createError('error.BadOrgsPerJob', [shownPath(text).slice(0, 20), MAX_ORGS_PER_JOB]);
  return value;
};

const jobsFor = (groupSizes: number[], perJob: number): number =>
  groupSizes.reduce((n, size) => n + Math.ceil(size / perJob), 0);

/**
 * Refuses a matrix GitHub would not run: more than MAX_MATRIX_JOBS jobs. Refused rather than
 * `--orgs-per-job` raised silently: each job verifies its orgs in one run within the workflow's
 * time limit, so more orgs per job is the user's call; the error names the smallest value that fits.
 */
const checkMatrixSize = (orgs: FleetOrg[], perJob: number): void => {
  const sizes = [
    ...orgs.reduce((m, o) => m.set(o.values, (m.get(o.values) ?? 0) + 1), new Map<string, number>()).values(),
  ];
  const jobs = jobsFor(sizes, perJob);
  if (jobs <= MAX_MATRIX_JOBS) return;
  if (sizes.length > MAX_MATRIX_JOBS)
    throw messages.createError('error.FleetTooManyValuesFiles', [sizes.length, MAX_MATRIX_JOBS]);
  // The fewest orgs per job that fit: jobsFor only falls as perJob grows, and at the largest group it is sizes.length.
  let fits = Math.max(perJob + 1, Math.ceil(orgs.length / MAX_MATRIX_JOBS));
  while (fits <= MAX_ORGS_PER_JOB && jobsFor(sizes, fits) > MAX_MATRIX_JOBS) fits += 1;
  // Past MAX_ORGS_PER_JOB a job has no secret slot for its orgs: one workflow run cannot hold the fleet.
  if (fits > MAX_ORGS_PER_JOB)
    throw messages.createError('error.FleetTooLarge', [orgs.length, MAX_MATRIX_JOBS, MAX_ORGS_PER_JOB]);
  throw messages.createError('error.FleetMatrixTooLarge', [orgs.length, perJob, jobs, MAX_MATRIX_JOBS], [fits]);
};

/** Groups orgs by values file, then cuts each group into jobs of at most `perJob` orgs; refuses more than GitHub's 256 jobs. */
export const shardFleet = (orgs: FleetOrg[], perJob: number): FleetShard[] => {
  checkMatrixSize(orgs, perJob);
  const groups = new Map<string, FleetOrg[]>();
  for (const org of orgs) groups.set(org.values, [...(groups.get(org.values) ?? []), org]);
  const shards: FleetShard[] = [];
  for (const [values, members] of groups) {
    for (let i = 0; i < members.length; i += perJob) {
      const part = members.slice(i, i + perJob);
      const slots = Array.from({ length: MAX_ORGS_PER_JOB }, (_, n) => [`secret_${n + 1}`, part[n]?.secret ?? '']);
      shards.push({
        shard: shards.length + 1,
        values,
        aliases: part.map((o) => o.alias).join(' '),
        secrets: part.map((o) => o.secret).join(' '),
        targets: part.map((o) => `-o ${o.alias}`).join(' '),
        login: part.map((o, n) => `--alias ${o.alias} --auth-url-env AUTH_URL_${n + 1}`).join(' '),
        ...(Object.fromEntries(slots) as Record<`secret_${number}`, string>),
      });
    }
  }
  return shards;
};
