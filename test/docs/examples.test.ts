import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Lifecycle } from '@salesforce/core';
import { main } from '../../src/cli';
import { COMMANDS } from '../../src/commands';
import type { CommandSpec, GlobalArgs } from '../../src/commands/commandSpec';
import { recordingIo } from '../../src/output/io';
import { serveFromArgs, ServedSimulator } from '../org-simulator/serveFromArgs';
import { copyProject, PROJECT_ROOT, removeProject } from '../helpers/projectCopy';

/**
 * Every command line the documentation shows runs as written. Each ```bash line of README.md and
 * docs/*.md (a page added later is covered by being there) and each `--help` example in
 * messages/*.md that calls vendor-access or an npm script is taken apart as a shell would.
 *
 * `npm run simulator …` starts the simulator as the script does, and `. out/simulator.env` reads
 * what it wrote, so the README's plan / deploy / verify run against it with its token. A
 * vendor-access line that needs no org (check, cert, review, env, fleet) runs in a copy of the
 * project and must succeed. A line for a real org (`-o <alias>`) cannot run here: it goes through
 * the CLI's own yargs parser and flag checks (the command's run replaced by a recorder), and every
 * file it reads must exist; so must any npm script a line names.
 *
 * A `<placeholder>` is allowed only from the list below, so a doc cannot name a file or alias that
 * is not there without saying so.
 */

const PRIVATE_KEY = path.join(os.tmpdir(), `examples-test-${process.pid}.key`);
const CONSUMER_SECRET = path.join(os.tmpdir(), `examples-test-${process.pid}.secret`);

/** What each placeholder a doc may use stands for here. A placeholder not listed fails the test. */
const PLACEHOLDERS: Record<string, string> = {
  '<your values file>': 'config/orgs/example.json',
  '<your private key>': PRIVATE_KEY,
  '<your consumer secret file>': CONSUMER_SECRET,
  '<consumer key>': '3MVG9examplekey',
  '<shape file>': path.join(PROJECT_ROOT, 'test/org-simulator/shapes/developer.json'),
  '<org id>': '00D000000000001',
};
const ALIAS = /<[^<>]*alias[^<>]*>/g;

/** Flags whose value is a file the command reads (not one it writes). */
const INPUT_FILES = ['values', 'private-key', 'consumer-secret-file', 'file', 'fleet'];
/** Commands that need no org: they run for real. Org commands are parsed (see above). */
const OFFLINE = new Set(['check', 'cert', 'review', 'env', 'fleet']);
/** npm's own commands the docs may use; every other `npm run X` must be a script of package.json. */
const NPM_BUILTINS = new Set(['ci', 'test', 'install']);
const SCRIPTS = (
  JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

/** The ```bash blocks of a Markdown file, each a list of logical lines (`\` continuations joined). */
const bashLines = (markdown: string): string[] =>
  [...markdown.matchAll(/```bash\n([\s\S]*?)```/g)].flatMap((m) => (m[1] ?? '').replace(/\\\n\s*/g, ' ').split('\n'));

/** The `--help` examples of a messages file: "- What it does: the command". */
const helpExamples = (markdown: string): string[] =>
  markdown
    .split(/^# /m)
    .filter((section) => /^examples\b/.test(section))
    .flatMap((section) => section.split('\n').filter((l) => l.startsWith('- ')))
    .map((l) => l.replace(/^- .*?: (?=vendor-access|npm|eval)/, ''));

/** Splits a line into words as sh does: quotes, `$VAR`, `&&`/`;`/`|` between commands, `> file` dropped. */
const commandsOf = (line: string, env: Record<string, string>): string[][] => {
  const commands: string[][] = [];
  let current: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  const endWord = (): void => {
    if (word !== undefined) current.push(word);
    word = undefined;
  };
  const endCommand = (): void => {
    endWord();
    commands.push(current);
    current = [];
  };
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word = (word ?? '') + c;
    } else if (c === '$' && line.charAt(i + 1) === '(') {
      // `eval "$(vendor-access env …)"`: the inner command is checked as a command of its own.
      const close = line.indexOf(')', i);
      commands.push(...commandsOf(line.slice(i + 2, close), env));
      word = word ?? '';
      i = close;
    } else if (c === '$') {
      const name = /^\$(\w+)/.exec(line.slice(i))?.[1] ?? '';
      const value = env[name];
      if (value === undefined) throw new Error(`$${name} is not set by any earlier line`);
      word = (word ?? '') + value;
      i += name.length;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else word = (word ?? '') + c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word = word ?? '';
    } else if (/\s/.test(c)) endWord();
    else if (c === '&' || c === ';' || c === '|') {
      if (line.charAt(i + 1) === c) i++;
      endCommand();
    } else word = (word ?? '') + c;
  }
  if (quote) throw new Error('unclosed quote');
  endCommand();
  return commands
    .map((words) => {
      const redirect = words.findIndex((w) => w === '>' || w === '>>');
      return redirect >= 0 ? words.slice(0, redirect) : words;
    })
    .filter((words) => words.length > 0);
};

/** The line without its `# comment` (a `#` that starts a word outside quotes). */
const withoutComment = (line: string): string => {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line.charAt(i - 1)))) return line.slice(0, i);
  }
  return line;
};

/** Replaces each placeholder with what it stands for here; aliases become distinct plain names. */
const fillPlaceholders = (commented: string): string => {
  const line = withoutComment(commented);
  const aliases = [...new Set(line.match(ALIAS) ?? [])];
  let filled = aliases.reduce((l, a, i) => l.split(a).join(`doc-org-${i + 1}`), line);
  for (const [placeholder, value] of Object.entries(PLACEHOLDERS)) filled = filled.split(placeholder).join(value);
  const unknown = filled.match(/<[^<>\s][^<>]*>/g);
  if (unknown)
    throw new Error(
      `unknown placeholder ${unknown.join(', ')} (known: ${Object.keys(PLACEHOLDERS).join(', ')}, <…alias…>)`
    );
  return filled;
};

const specs = (): Array<CommandSpec<GlobalArgs>> =>
  COMMANDS.flatMap((entry) => ('subcommands' in entry ? entry.subcommands : [entry]));

/** Runs the CLI's parser and flag checks on argv without running the command: what it parsed, or why not. */
const parseOnly = async (
  argv: string[]
): Promise<{ code: number; out: string; args: Record<string, unknown> | undefined }> => {
  let args: Record<string, unknown> | undefined;
  const spies = specs().map((spec) =>
    jest.spyOn(spec, 'run').mockImplementation((parsed) => {
      args = parsed as unknown as Record<string, unknown>;
      return { exitCode: 0, result: {}, human: [], warnings: [] };
    })
  );
  const io = recordingIo();
  try {
    return { code: await main(argv, io), out: io.text(), args };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
};

/** Runs `work` with these environment variables set, and puts the environment back after. */
const withEnv = async <T>(vars: Record<string, string>, work: () => Promise<T>): Promise<T> => {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await work();
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
};

/** One page's lines, run in order as one shell session in a copy of the project. */
const runLines = async (lines: string[], cwd: string, how: 'run' | 'parse'): Promise<string[]> => {
  const failures: string[] = [];
  const env: Record<string, string> = {};
  const exported: Record<string, string> = {};
  const ranOffline = new Set<string>();
  const simulators: ServedSimulator[] = [];
  const fail = (line: string, why: string): void => void failures.push(`${line}\n    ${why}`);
  try {
    for (const line of lines) {
      let commands: string[][];
      try {
        commands = commandsOf(fillPlaceholders(line), env);
      } catch (err) {
        if (/vendor-access|npm /.test(line)) fail(line, (err as Error).message);
        continue;
      }
      for (const words of commands) {
        // `VAR=value command`: the variable is set for that command only.
        const assignments: Record<string, string> = {};
        while (/^\w+=/.test(words[0] ?? '')) {
          const [name = '', ...value] = (words.shift() ?? '').split('=');
          assignments[name] = value.join('=');
        }
        const [first = '', ...rest] = words;
        if (first === '.' || first === 'source') {
          const file = path.resolve(cwd, rest[0] ?? '');
          if (!rest[0] || !fs.existsSync(file))
            fail(line, `${rest[0] ?? '(nothing)'} does not exist: no earlier line wrote it`);
          // Its `export`s reach the shell and every later command, as `.` does.
          else
            for (const [, name = '', value = ''] of fs
              .readFileSync(file, 'utf8')
              .matchAll(/^export (\w+)='([^']*)'$/gm)) {
              env[name] = value;
              exported[name] = value;
            }
          continue;
        }
        if (first === 'npm') {
          const [sub = '', script = '', ...args] = rest;
          if (sub !== 'run') {
            if (!NPM_BUILTINS.has(sub)) fail(line, `npm ${sub} is not an npm command the docs may use`);
            continue;
          }
          if (!SCRIPTS[script]) {
            fail(line, `package.json has no script "${script}"`);
            continue;
          }
          const scriptArgs = args[0] === '--' ? args.slice(1) : args;
          if (script === 'simulator' && how === 'run') {
            // The script's own work, in this process: the README's next lines reach it over HTTP.
            try {
              simulators.push(await serveFromArgs(scriptArgs, cwd));
            } catch (err) {
              fail(line, (err as Error).message);
            }
          } else if (scriptArgs.length && !/simulator|bench/.test(script)) {
            fail(line, `npm run ${script} takes no arguments here`);
          }
          continue;
        }
        const argv =
          first === 'npx' && rest[0] === 'vendor-access' ? rest.slice(1) : first === 'vendor-access' ? rest : undefined;
        if (!argv) continue; // sf, cd, cp, git: not ours
        const token = simulators.find((s) => argv.includes(s.sim.accessToken));
        const offline = OFFLINE.has(argv[0] ?? '') && !argv.includes('--base'); // --base needs the git remote
        if (how === 'run' && offline && !token && ranOffline.has(argv.join(' '))) continue; // the same line again
        if (how === 'run' && (token !== undefined || offline)) {
          if (offline) ranOffline.add(argv.join(' '));
          const io = recordingIo();
          const code = await withEnv({ ...exported, ...assignments }, () => main(argv, io));
          if (code !== 0) fail(line, `exit ${code}:\n${io.text().slice(0, 1500)}`);
          continue;
        }
        // The lines run in order, one after the other, as a reader types them.
        const parsed = await parseOnly(argv);
        if (parsed.code !== 0 || !parsed.args) {
          fail(line, `does not parse (exit ${parsed.code}):\n${parsed.out.slice(0, 800)}`);
          continue;
        }
        for (const flag of INPUT_FILES) {
          const value = parsed.args[flag];
          if (typeof value !== 'string' || path.relative(cwd, path.resolve(cwd, value)).startsWith('out')) continue;
          if (!fs.existsSync(path.resolve(cwd, value)))
            fail(line, `--${flag} ${path.relative(cwd, path.resolve(cwd, value))}: no such file`);
        }
      }
    }
  } finally {
    for (const sim of simulators) await sim.stop();
  }
  return failures;
};

const PAGES = [
  'README.md',
  ...fs
    .readdirSync(path.join(PROJECT_ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const MESSAGE_FILES = fs.readdirSync(path.join(PROJECT_ROOT, 'messages')).filter((f) => f.endsWith('.md'));

describe('every command line in README.md and docs/*.md runs as written', () => {
  let cwd = '';
  const home = process.cwd();
  beforeAll(() => {
    // core warns that http:// is insecure; the simulator is on loopback.
    Lifecycle.getInstance().onWarning(async () => {});
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    fs.writeFileSync(PRIVATE_KEY, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    fs.writeFileSync(CONSUMER_SECRET, 'example-consumer-secret\n', { mode: 0o600 });
  });
  beforeEach(() => {
    cwd = copyProject();
    process.chdir(cwd);
  });
  afterEach(() => {
    process.chdir(home);
    removeProject(cwd);
  });
  afterAll(() => {
    fs.rmSync(PRIVATE_KEY, { force: true });
    fs.rmSync(CONSUMER_SECRET, { force: true });
  });

  it('finds the README simulator walk-through it must run (plan, deploy, verify with the token)', () => {
    const lines = bashLines(fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8'));
    for (const command of ['plan', 'deploy', 'verify'])
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`vendor-access ${command} +-o "\\$SIM_ACCESS_TOKEN"`))
      );
    expect(lines).toContainEqual(expect.stringMatching(/^\. out\/simulator\.env/));
  });

  it.each(PAGES)('%s', async (page) => {
    const lines = bashLines(fs.readFileSync(path.join(PROJECT_ROOT, page), 'utf8'));
    expect(await runLines(lines, cwd, 'run')).toEqual([]);
  });

  it('every --help example in messages/*.md parses, with files that exist', async () => {
    const lines = MESSAGE_FILES.flatMap((f) =>
      helpExamples(fs.readFileSync(path.join(PROJECT_ROOT, 'messages', f), 'utf8'))
    );
    expect(lines.length).toBeGreaterThan(20);
    expect(await runLines(lines, cwd, 'parse')).toEqual([]);
  });
});

describe('the examples test itself', () => {
  it('fails a line that names a flag the command does not have, a missing file, or an unknown placeholder', async () => {
    const failures = await runLines(
      [
        'npx vendor-access plan -o <alias> --values <your values file> --no-such-flag',
        'npx vendor-access verify -o <alias> --values config/orgs/prod.json',
        'npx vendor-access plan -o <prod> --values <your values file>',
        'npm run no-such-script',
      ],
      PROJECT_ROOT,
      'parse'
    );
    expect(failures).toHaveLength(4);
    expect(failures[0]).toContain('no-such-flag');
    expect(failures[1]).toContain('--values config/orgs/prod.json: no such file');
    expect(failures[2]).toContain('unknown placeholder <prod>');
    expect(failures[3]).toContain('no script "no-such-script"');
  });
});
