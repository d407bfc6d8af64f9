import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../inputs/problem';
import { problemsFrom } from '../inputs/problems';
import { loadMessages } from '../messages/loadMessages';

const messages = loadMessages('drift');
const problem = problemsFrom('drift');

/** One org of the fleet: its sf alias, its values file, and the repository secret holding its sfdx auth URL. */
export type FleetOrg = { alias: string; values: string; secret: string };
/** One GitHub Actions matrix job: orgs sharing a values file, verified in one run with --concurrency. */
export type FleetShard = { shard: number; values: string; aliases: string; secrets: string; targets: string };

// Matrix values reach `run:` lines of the workflow, so each must be a plain word (no shell or expression syntax).
const ALIAS = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
const VALUES = /^[A-Za-z0-9_./-]+\.json$/;
const SECRET = /^[A-Z][A-Z0-9_]{0,99}$/;

/**
 * Reads `config/fleet.json` ({"orgs": [{"alias", "values", "secret"}]}): every problem is listed at
 * once (FleetInvalidError) before anything runs.
 */
export const loadFleet = (projectDir: string, file: string): FleetOrg[] => {
  const absolute = path.resolve(projectDir, file);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(absolute, 'utf8'));
  } catch (err) {
    throw messages.createError('error.FleetUnreadable', [
      file,
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (err as Error).message,
    ]);
  }
  const list = (data as { orgs?: unknown }).orgs;
  const problems: Problem[] = [];
  const at = (field: string): { file: string; field: string } => ({ file, field });
  if (!Array.isArray(list) || !list.length) problems.push(problem.error('FleetOrgsNotAList', at('orgs')));
  const orgs: FleetOrg[] = [];
  const seen = new Set<string>();
  for (const [i, entry] of (Array.isArray(list) ? list : []).entries()) {
    const e = (entry ?? {}) as Record<string, unknown>;
    const [alias, values, secret] = [e.alias, e.values, e.secret].map((v) => (typeof v === 'string' ? v : ''));
    if (!ALIAS.test(alias as string))
      problems.push(problem.error('FleetAliasInvalid', at(`orgs[${i}].alias`), [String(e.alias ?? '')]));
    else if (seen.has(alias as string))
      problems.push(problem.error('FleetAliasTwice', at(`orgs[${i}].alias`), [alias]));
    if (!VALUES.test(values as string))
      problems.push(problem.error('FleetValuesPathInvalid', at(`orgs[${i}].values`), [String(e.values ?? '')]));
    else if (!fs.existsSync(path.resolve(projectDir, values as string)))
      problems.push(problem.error('FleetValuesMissing', at(`orgs[${i}].values`), [values]));
    if (!SECRET.test(secret as string))
      problems.push(problem.error('FleetSecretInvalid', at(`orgs[${i}].secret`), [String(e.secret ?? '')]));
    seen.add(alias as string);
    orgs.push({ alias: alias as string, values: values as string, secret: secret as string });
  }
  if (problems.length) {
    const lines = problems.map((p) => `  ${p.field}: ${p.message}\n    Fix: ${p.fix}`).join('\n');
    throw messages.createError('error.FleetInvalid', [file, problems.length, lines]).setData({ problems });
  }
  return orgs;
};

/** Groups orgs by values file, then cuts each group into jobs of at most `perJob` orgs. */
export const shardFleet = (orgs: FleetOrg[], perJob: number): FleetShard[] => {
  const groups = new Map<string, FleetOrg[]>();
  for (const org of orgs) groups.set(org.values, [...(groups.get(org.values) ?? []), org]);
  const shards: FleetShard[] = [];
  for (const [values, members] of groups) {
    for (let i = 0; i < members.length; i += Math.max(1, perJob)) {
      const part = members.slice(i, i + Math.max(1, perJob));
      shards.push({
        shard: shards.length + 1,
        values,
        aliases: part.map((o) => o.alias).join(' '),
        secrets: part.map((o) => o.secret).join(' '),
        targets: part.map((o) => `-o ${o.alias}`).join(' '),
      });
    }
  }
  return shards;
};
