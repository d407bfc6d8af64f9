import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describeCommands } from '../../src/commands/describeCommands';
import { recordingIo } from '../../src/output/io';
import { setJson } from '../helpers/projectCopy';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { useSimulatedOrg } from '../helpers/simulatedOrg';

const PLUGIN = path.join(__dirname, '..', '..', 'plugin');
const SF_BIN = path.join(__dirname, 'sfBin.js');
// The plugin runs the repository's built library (lib/, written by npm ci's prepare); the standalone
// binary runs the same build, so both sides here are what a user runs.
// eslint-disable-next-line @typescript-eslint/no-var-requires -- the built library, as bin/vendor-access.js loads it
const { main } = require('../../lib/cli.js') as typeof import('../../src/cli');

type Ran = { code: number; stdout: string };

/**
 * `sf vendor-access <argv>` through oclif's own runner, in a child process as sf runs it (the
 * simulator's alias is in the auth store under the test HOME the child inherits).
 */
const sfVendorAccess = async (...argv: string[]): Promise<Ran> =>
  new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [SF_BIN, 'vendor-access', ...argv],
      { cwd: process.cwd(), env: process.env, encoding: 'utf8' },
      (error, stdout) => {
        const code = error ? error.code : 0;
        if (typeof code !== 'number') reject(error ?? new Error('no exit code'));
        else resolve({ code, stdout });
      }
    );
  });

/** `vendor-access <argv>`: the standalone CLI. */
const vendorAccess = async (...argv: string[]): Promise<Ran> => {
  const io = recordingIo();
  const code = await main(argv, io);
  return { code, stdout: io.out.map((line) => (line.endsWith('\n') ? line : `${line}\n`)).join('') };
};

/** Both CLIs on the same argv; their --json envelopes and exit codes must be equal. */
const bothJson = async (...argv: string[]): Promise<{ sf: unknown; standalone: unknown; codes: number[] }> => {
  const sf = await sfVendorAccess(...argv, '--json');
  const standalone = await vendorAccess(...argv, '--json');
  return { sf: JSON.parse(sf.stdout), standalone: JSON.parse(standalone.stdout), codes: [sf.code, standalone.code] };
};

describe('sf vendor-access: the plugin is the same CLI', () => {
  const project = useProjectCopyAsCwd();

  it('check --json: the same envelope and exit code', async () => {
    const { sf, standalone, codes } = await bothJson('check', '--values', 'config/orgs/example.json');
    expect(codes).toEqual([0, 0]);
    expect(sf).toEqual(standalone);
    expect(sf).toMatchObject({ status: 0 });
  });

  it('a failing check: the same problems and exit code 1 from both', async () => {
    const { sf, standalone, codes } = await bothJson('check', '--values', 'no-such-values.json');
    expect(codes).toEqual([1, 1]);
    expect(sf).toEqual(standalone);
  });

  it('a project written for a newer vendor.json format: both refuse it, naming the file, the format and the fix', async () => {
    setJson(project(), 'force-app/ispm/vendor.json', 'formatVersion', 2);
    setJson(project(), 'force-app/ispm/vendor.json', 'appsV2', []);
    const { sf, standalone, codes } = await bothJson('check', '--values', 'config/orgs/example.json');
    expect(codes).toEqual([1, 1]);
    expect(sf).toEqual(standalone);
    const problems = (sf as { data?: { problems?: unknown[] } }).data?.problems ?? [];
    // What is said of that file is its format, not a list of keys this version does not know.
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'VendorJsonFormatUnknown',
        file: 'force-app/ispm/vendor.json',
        field: 'formatVersion',
      })
    );
    expect(problems).not.toContainEqual(expect.objectContaining({ code: 'CatalogueKeyUnknown' }));
    expect(JSON.stringify(problems)).toContain('is vendor.json format 2; this vendor-access reads format 1');
  });

  it('help lists the library spec: its flags with their words, and its examples', async () => {
    const { stdout, code } = await sfVendorAccess('deploy', '--help');
    // oclif wraps help to the terminal's width; the words are what matter.
    const text = stdout.replace(/\s+/g, ' ');
    expect(code).toBe(0);
    expect(text).toContain('-o, --target-org=<value>...');
    expect(text).toContain('--[no-]dry-run Validate only: a check-only deploy after preflight');
    expect(text).toContain('--wait=<value> Minutes to wait for the deploy');
    expect(text).toContain('Validate first, nothing saved: $ sf vendor-access deploy -o <alias>');
    // Each example once.
    expect(text.split('Validate first, nothing saved:')).toHaveLength(2);
    expect(text).toContain('--flags-dir=<value>');
  });
});

describe('the plugin has one command file per library command', () => {
  it('lists exactly the commands describeCommands gives, so a new command cannot be left out of sf', () => {
    const root = path.join(PLUGIN, 'lib', 'commands', 'vendor-access');
    const files = (dir: string, prefix: string[] = []): string[] =>
      fs
        .readdirSync(path.join(root, ...prefix), { withFileTypes: true })
        .flatMap((entry) =>
          entry.isDirectory()
            ? files(dir, [...prefix, entry.name])
            : [[...prefix, entry.name.replace(/\.js$/, '')].join(' ')]
        );
    expect(files(root).sort()).toEqual(
      describeCommands()
        .map((c) => c.words.join(' '))
        .sort()
    );
  });
});

describe('sf vendor-access plan against an org', () => {
  useProjectCopyAsCwd();
  useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it('plan --json: the same envelope as the standalone CLI', async () => {
    const { sf, standalone, codes } = await bothJson('plan', '-o', 'prod', '--values', 'config/orgs/example.json');
    expect(codes[0]).toBe(codes[1]);
    expect(sf).toEqual(standalone);
    expect((sf as { result: { orgs: unknown[] } }).result.orgs).toHaveLength(1);
  });
});

const sfOnPath = ((): string | undefined => {
  try {
    return execFileSync('sh', ['-c', 'command -v sf'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
})();

// The real Salesforce CLI is not a dependency of this project; where a developer has it, the plugin is
// linked into it and run the way a release engineer would.
(sfOnPath ? describe : describe.skip)(
  `sf plugins link plugin (${sfOnPath ? `with ${sfOnPath}` : 'skipped: no sf on PATH'})`,
  () => {
    it('sf vendor-access check --json runs the library', () => {
      execFileSync('sf', ['plugins', 'link', PLUGIN], { encoding: 'utf8' });
      const out = execFileSync('sf', ['vendor-access', 'check', '--values', 'config/orgs/example.json', '--json'], {
        cwd: path.join(__dirname, '..', '..'),
        encoding: 'utf8',
      });
      expect(JSON.parse(out)).toMatchObject({ status: 0 });
    });
  }
);
