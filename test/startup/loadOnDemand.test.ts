import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyProject, PROJECT_ROOT, removeProject } from '../helpers/projectCopy';

/**
 * Commands that need no org and no conversion never load SDR, @salesforce/core or jsforce (issue
 * 14: they cost half a second). Each case spawns the CLI from source with a preload that records
 * every module file the process loaded, then looks for those packages.
 */
const HEAVY = ['@salesforce/source-deploy-retrieve', '@salesforce/core', '@jsforce/jsforce-node', 'jsforce', 'pino'];

// The only files of those packages a light command may load, each a data file or one class:
// core's SfError (its own entry point, `@salesforce/core/sfError`, one file over ts-types) so our
// errors stay core's SfError, and SDR's registry read as JSON data by checkMetadataFile.
const ALLOWED = [
  '@salesforce/core/lib/sfError.js',
  '@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json',
];

const packageOf = (file: string): string | undefined =>
  /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file.split(path.sep).join('/'))?.[1];

const run = (cwd: string, args: string[]): { status: number | null; loaded: string[]; stderr: string } => {
  const record = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-loaded-')), 'modules.txt');
  const child = spawnSync(
    process.execPath,
    [
      '-r',
      path.join(__dirname, 'recordLoadedModules.js'),
      path.join(PROJECT_ROOT, 'scripts/run-ts.js'),
      path.join(__dirname, 'cliEntry.ts'),
      ...args,
    ],
    { cwd, env: { ...process.env, VENDOR_ACCESS_LOADED_MODULES: record }, encoding: 'utf8' }
  );
  const loaded = fs.readFileSync(record, 'utf8').split('\n');
  fs.rmSync(path.dirname(record), { recursive: true, force: true });
  return { status: child.status, loaded, stderr: child.stderr };
};

const heavyIn = (loaded: string[]): string[] =>
  loaded
    .filter((file) => HEAVY.includes(packageOf(file) ?? ''))
    .map((file) =>
      file
        .split(path.sep)
        .join('/')
        .replace(/^.*node_modules\//, '')
    )
    .filter((file) => !ALLOWED.includes(file));

describe('load on demand', () => {
  let project = '';
  beforeAll(() => {
    project = copyProject();
  });
  afterAll(() => removeProject(project));

  it.each(
    [
      ['--help'],
      ['cert', '--help'],
      ['cert', 'inspect', 'config/certs/example-ispm-server.crt'],
      ['review'],
      ['env', '--values', 'config/orgs/example.json'],
      ['deploy', '--help'],
    ].map((args) => [args.join(' '), args] as const)
  )('vendor-access %s loads no SDR, core or jsforce', (_name, args) => {
    const { status, loaded, stderr } = run(project, [...args]);
    expect({ status, stderr }).toEqual({ status: 0, stderr: expect.any(String) });
    expect(loaded.some((file) => file.endsWith(path.join('src', 'cli.ts')))).toBe(true);
    expect(heavyIn(loaded)).toEqual([]);
  });

  it('check does load SDR and core, when it runs (the probe sees them)', () => {
    const { status, loaded } = run(project, ['check', '--vendor', 'ispm', '--values', 'config/orgs/example.json']);
    expect(status).toBe(0);
    const packages = new Set(heavyIn(loaded).map((file) => packageOf(`node_modules/${file}`)));
    expect([...packages]).toEqual(expect.arrayContaining(['@salesforce/source-deploy-retrieve', '@salesforce/core']));
  });
});
