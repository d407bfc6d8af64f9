import { parse } from 'yaml';

/**
 * The security rules every workflow of .github/workflows/ must hold, as a security team reviews
 * them (zizmor's overprovisioned-secrets, unpinned-uses, template-injection and excessive-permissions
 * findings): returns one line per breach, empty when the workflow holds them all.
 */
type Step = { run?: string; uses?: string };
type Job = { permissions?: unknown; steps?: Step[]; uses?: string };
type Workflow = { permissions?: unknown; concurrency?: unknown; jobs?: Record<string, Job> };

/** owner/repo[/path]@<40 hex> — a tag or branch can be moved under us; a commit cannot. */
const PINNED = /^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/;

const writes = (permissions: unknown): boolean =>
  permissions === 'write-all' ||
  (typeof permissions === 'object' &&
    permissions !== null &&
    Object.values(permissions as Record<string, unknown>).includes('write'));

const notPinned = (uses: string | undefined): boolean => Boolean(uses && !uses.startsWith('./') && !PINNED.test(uses));

/** The tag a SHA stands for must be written beside it, for the reader and for update tools. */
const untaggedUses = (text: string): string[] =>
  text.split('\n').flatMap((line) => {
    const m = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line);
    return m && !m[1]?.startsWith('./') && !/#\s*v\d/.test(m[2] ?? '')
      ? [`uses ${m[1] ?? ''} without the tag in a comment (# vX.Y.Z)`]
      : [];
  });

const jobBreaches = (name: string, job: Job, workflowPermissions: unknown): string[] => {
  const breaches: string[] = [];
  const steps = job.steps ?? [];
  if (job.permissions === undefined) breaches.push(`job ${name} has no permissions of its own`);
  for (const uses of [job.uses, ...steps.map((s) => s.uses)])
    if (notPinned(uses)) breaches.push(`job ${name} uses ${uses ?? ''}: not pinned to a full commit SHA`);
  // An expression is pasted into the script before the shell reads it: pass it through env: instead.
  for (const step of steps)
    if (step.run?.includes('${{'))
      breaches.push(`job ${name} has an expression inside run: ${step.run.split('\n')[0] ?? ''}`);
  if (writes(job.permissions) || (job.permissions === undefined && writes(workflowPermissions))) {
    // A job holding a write token runs none of the project's code: no npm, no checkout of it.
    if (steps.some((s) => /\b(npm|npx|node|yarn|pnpm)\b/.test(s.run ?? '')))
      breaches.push(`job ${name} has write permission and runs npm`);
    if (steps.some((s) => s.uses?.startsWith('actions/checkout@')))
      breaches.push(`job ${name} has write permission and checks out code`);
  }
  return breaches;
};

export const workflowBreaches = (text: string): string[] => {
  const breaches: string[] = [];
  if (/toJSON\(\s*secrets\s*\)/i.test(text)) breaches.push('passes toJSON(secrets): every secret reaches the job');
  breaches.push(...untaggedUses(text));
  const workflow = parse(text) as Workflow;
  if (workflow.concurrency === undefined) breaches.push('has no concurrency group');
  if (writes(workflow.permissions)) breaches.push('grants write permission to every job (workflow-level permissions)');
  for (const [name, job] of Object.entries(workflow.jobs ?? {}))
    breaches.push(...jobBreaches(name, job, workflow.permissions));
  return breaches;
};
