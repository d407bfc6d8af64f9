import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { COMMANDS } from '../../src/commands';
import { PROJECT_ROOT } from '../helpers/projectCopy';
import { workflowBreaches } from './workflowRules';

type Workflow = {
  on: unknown;
  jobs: Record<string, { 'runs-on': string; steps: Array<{ run?: string; uses?: string }> }>;
};

const DIR = path.join(PROJECT_ROOT, '.github/workflows');
const workflows = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => [f, parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Workflow] as const);
const texts = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => [f, fs.readFileSync(path.join(DIR, f), 'utf8')] as const);
const commands = COMMANDS.map((c) => c.command.split(' ')[0]);
const scripts = Object.keys(
  (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts
);

/** Every shell command a workflow runs must exist: npm scripts, vendor-access commands, repo scripts, a few tools. */
const unknownCommands = (run: string): string[] =>
  run
    .split(/\n|&&|\|\||;|\|/)
    .map((line) => line.trim())
    .filter(Boolean)
    .flatMap((line) => {
      const words = line.split(/\s+/);
      // The product as the drift jobs run it: the fleet job's build beside production dependencies.
      if (words[0] === 'node' && words[1] === 'bin/vendor-access.js')
        return commands.includes(words[2] ?? '') ? [] : [line];
      if (words[0] === 'npm')
        return ['ci', 'test', 'install'].includes(words[1] ?? '') ||
          (words[1] === 'run' && scripts.includes(words[2] ?? ''))
          ? []
          : [line];
      if (words[0] === 'npx') return words[1] === 'vendor-access' && commands.includes(words[2] ?? '') ? [] : [line];
      if (words[0]?.startsWith('scripts/')) return fs.existsSync(path.join(PROJECT_ROOT, words[0])) ? [] : [line];
      return ['git', 'cat', 'gh', 'mkdir', 'mv', 'tee'].includes(words[0] ?? '') ? [] : [line];
    });

describe('GitHub workflows', () => {
  it('has the pull-request and scratch-org workflows', () => {
    expect(workflows.map(([f]) => f).sort()).toEqual([
      'drift-watch.yml',
      'pull-request.yml',
      'scratch-org-validation.yml',
    ]);
  });

  it.each(workflows)('%s is valid YAML with jobs and steps, and runs only commands that exist', (_file, workflow) => {
    expect(workflow.on).toBeDefined();
    for (const job of Object.values(workflow.jobs)) {
      expect(job['runs-on']).toBe('ubuntu-latest');
      for (const step of job.steps) {
        expect(step.run ?? step.uses).toBeDefined();
        if (step.run) expect(unknownCommands(step.run)).toEqual([]);
      }
    }
  });

  it('runs the tests, the offline check and the review on pull requests', () => {
    const runs =
      workflows.find(([f]) => f === 'pull-request.yml')?.[1].jobs['test-check-review']?.steps.map((s) => s.run ?? '') ??
      [];
    expect(runs).toEqual(
      expect.arrayContaining(['npm ci', 'npm test', 'npx vendor-access check --values config/orgs/example.json'])
    );
    expect(runs.join('\n')).toContain('npx vendor-access review --base "origin/$BASE_REF" > review.md');
  });

  it('drift watch runs daily and on demand, verifies each matrix job of the fleet with --junit, and uploads the reports', () => {
    const [, drift] = workflows.find(([f]) => f === 'drift-watch.yml') ?? [];
    expect(drift?.on).toMatchObject({ schedule: [{ cron: expect.any(String) }], workflow_dispatch: expect.anything() });
    const steps = drift?.jobs.verify?.steps ?? [];
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(drift?.jobs.fleet?.steps.map((s) => s.run ?? '')).toContain(
      'npx vendor-access fleet --fleet config/fleet.json --orgs-per-job "$ORGS_PER_JOB" --github-output >> "$GITHUB_OUTPUT"'
    );
    expect(runs).toContain(
      'node bin/vendor-access.js verify $TARGETS --values "$VALUES" --concurrency 10 --junit "out/junit/drift-$SHARD.xml" --format markdown'
    );
    expect(runs).toContain('cat "drift-$SHARD.md" >> "$GITHUB_STEP_SUMMARY"');
    expect(runs).toContain('npm ci --omit=dev --ignore-scripts');
    expect(runs).not.toMatch(/npm ci\n|--global|@salesforce\/cli/);
    expect(steps.map((s) => s.uses?.split('@')[0])).toEqual(
      expect.arrayContaining(['actions/upload-artifact', 'mikepenz/action-junit-report'])
    );
    expect((drift?.jobs.verify as unknown as { strategy: Record<string, unknown> }).strategy).toMatchObject({
      'fail-fast': false,
      'max-parallel': expect.any(Number),
    });
  });

  it.each(texts)('%s holds the least-privilege rules', (_file, text) => {
    expect(workflowBreaches(text)).toEqual([]);
  });

  it("drift watch gives each matrix job only its own orgs' secrets, and installs production dependencies only", () => {
    const text = texts.find(([f]) => f === 'drift-watch.yml')?.[1] ?? '';
    const secrets = text.match(/\$\{\{\s*secrets[^}]*\}\}/g) ?? [];
    expect(secrets).toHaveLength(10);
    for (const s of secrets) expect(s).toMatch(/^\$\{\{ secrets\[matrix\.secret_\d+\] \}\}$/);
    expect(text).toContain('name: vendor-access-lib');
    expect(text).toContain('--omit=dev');
  });

  it('posts the review from a job that runs no PR code, holds the only write permission and skips forks', () => {
    const pr = parse(texts.find(([f]) => f === 'pull-request.yml')?.[1] ?? '') as {
      jobs: Record<string, { permissions: unknown; if?: string; steps: Array<{ run?: string; uses?: string }> }>;
    };
    expect(pr.jobs['test-check-review']?.permissions).toEqual({ contents: 'read' });
    expect(pr.jobs.comment?.permissions).toEqual({ 'pull-requests': 'write' });
    expect(pr.jobs.comment?.if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
    expect(pr.jobs.comment?.steps.map((s) => s.uses?.split('@')[0] ?? s.run?.split(' ')[0])).toEqual([
      'actions/download-artifact',
      'gh',
    ]);
  });

  it('flags each breach of the rules in a workflow that breaks them all', () => {
    const bad = [
      'on: push',
      'permissions:',
      '  pull-requests: write',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020',
      '      - run: npm ci',
      '      - run: echo "${{ github.head_ref }}"',
      '        env:',
      '          ALL: ${{ toJSON(secrets) }}',
    ].join('\n');
    expect(workflowBreaches(bad)).toEqual([
      'passes toJSON(secrets): every secret reaches the job',
      'uses actions/checkout@v4 without the tag in a comment (# vX.Y.Z)',
      'uses actions/setup-node@820762786026740c76f36085b0efc47a31fe5020 without the tag in a comment (# vX.Y.Z)',
      'has no concurrency group',
      'grants write permission to every job (workflow-level permissions)',
      'job build has no permissions of its own',
      'job build uses actions/checkout@v4: not pinned to a full commit SHA',
      'job build has an expression inside run: echo "${{ github.head_ref }}"',
      'job build has write permission and runs npm',
      'job build has write permission and checks out code',
    ]);
  });

  it('would flag a command that does not exist', () => {
    expect(unknownCommands('npx vendor-access frobnicate\nnpm run nope\nscripts/missing.sh\ncurl x')).toEqual([
      'npx vendor-access frobnicate',
      'npm run nope',
      'scripts/missing.sh',
      'curl x',
    ]);
  });
});
