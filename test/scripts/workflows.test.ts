import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { COMMANDS } from '../../src/commands';
import { PROJECT_ROOT } from '../helpers/projectCopy';

type Workflow = {
  on: unknown;
  jobs: Record<string, { 'runs-on': string; steps: Array<{ run?: string; uses?: string }> }>;
};

const DIR = path.join(PROJECT_ROOT, '.github/workflows');
const workflows = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => [f, parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Workflow] as const);
const commands = COMMANDS.map((c) => c.command.split(' ')[0]);
const scripts = Object.keys(
  (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts
);

/** Every shell command a workflow runs must exist: npm scripts, vendor-access commands, repo scripts, a few tools. */
const unknownCommands = (run: string): string[] =>
  run
    .split(/\n|&&|\|\||;/)
    .map((line) => line.trim())
    .filter(Boolean)
    .flatMap((line) => {
      const words = line.split(/\s+/);
      if (words[0] === 'npm')
        return ['ci', 'test', 'install'].includes(words[1] ?? '') ||
          (words[1] === 'run' && scripts.includes(words[2] ?? ''))
          ? []
          : [line];
      if (words[0] === 'npx') return words[1] === 'vendor-access' && commands.includes(words[2] ?? '') ? [] : [line];
      if (words[0]?.startsWith('scripts/')) return fs.existsSync(path.join(PROJECT_ROOT, words[0])) ? [] : [line];
      return ['git', 'cat', 'gh'].includes(words[0] ?? '') ? [] : [line];
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
    expect(runs.join('\n')).toContain('npx vendor-access review --base "origin/${{ github.base_ref }}" > review.md');
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
      'npx vendor-access verify ${{ matrix.targets }} --values "${{ matrix.values }}" --concurrency 10 --junit "out/junit/drift-${{ matrix.shard }}.xml"'
    );
    expect(runs).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(steps.map((s) => s.uses)).toContain('actions/upload-artifact@v4');
    expect((drift?.jobs.verify as unknown as { strategy: Record<string, unknown> }).strategy).toMatchObject({
      'fail-fast': false,
      'max-parallel': expect.any(Number),
    });
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
