import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { run, useSimulatedOrg } from '../helpers/simulatedOrg';

/**
 * The one output-path rule (issue 18, items 4-7), held on every flag that writes: each output flag
 * times each kind of path it must refuse. Every refusal is exit 1 with a named error, comes before
 * any side effect (the simulated org received nothing at all, force-app/ and the values file are
 * byte for byte as they were), and never hangs (/proc).
 */
type Flag = {
  name: string;
  kind: 'file' | 'folder';
  argv: (target: string) => string[];
  /** The org commands: the simulator must receive no request at all. */
  org: boolean;
};

const VALUES = ['--values', 'config/orgs/example.json', '--vendor', 'ispm'];

const FLAGS: Flag[] = [
  { name: 'check --output-dir', kind: 'folder', org: false, argv: (t) => ['check', ...VALUES, '--output-dir', t] },
  {
    name: 'stage --output-dir',
    kind: 'folder',
    org: true,
    argv: (t) => ['stage', '-o', 'prod', ...VALUES, '--output-dir', t],
  },
  {
    name: 'cert generate --output-dir',
    kind: 'folder',
    org: false,
    argv: (t) => ['cert', 'generate', '--common-name', 'x', '--bits', '2048', '--output-dir', t],
  },
  { name: 'probe --output', kind: 'file', org: true, argv: (t) => ['probe', '-o', 'prod', '--output', t] },
  { name: 'verify --junit', kind: 'file', org: true, argv: (t) => ['verify', '-o', 'prod', ...VALUES, '--junit', t] },
  { name: 'deploy --junit', kind: 'file', org: true, argv: (t) => ['deploy', '-o', 'prod', ...VALUES, '--junit', t] },
];

/** A kind of path no output may take: how to set it up, the path for a file or folder flag, and the error. */
type Forbidden = {
  name: string;
  setup?: (dir: string) => void;
  file: string;
  folder: string;
  /** The error's name, per flag where it differs. */
  expect: string | ((flag: Flag) => string);
};

const FORBIDDEN: Forbidden[] = [
  {
    name: 'inside force-app',
    file: 'force-app/ispm/report.xml',
    folder: 'force-app/ispm/out',
    expect: 'OutputInSource',
  },
  {
    name: 'force-app itself',
    file: 'force-app',
    folder: 'force-app',
    expect: (f) => (f.kind === 'file' ? 'OutputIsFolder' : 'OutputInSource'),
  },
  {
    name: 'a vendor.json in force-app',
    file: 'force-app/ispm/vendor.json',
    folder: 'force-app/ispm/vendor.json',
    expect: (f) => (f.kind === 'file' ? 'OutputInSource' : 'OutputPathBlocked'),
  },
  {
    name: 'the values file',
    file: 'config/orgs/example.json',
    folder: 'config/orgs/example.json',
    // probe reads no values file: the file is simply not a shape file, and is not replaced either.
    expect: (f) =>
      f.kind === 'folder' ? 'OutputPathBlocked' : f.name.startsWith('probe') ? 'OutputNotOurs' : 'OutputIsInput',
  },
  {
    name: 'a symlink into force-app',
    setup: (dir) => fs.symlinkSync(path.join(dir, 'force-app', 'ispm'), path.join(dir, 'innocent')),
    file: 'innocent/report.xml',
    folder: 'innocent',
    expect: 'OutputInSource',
  },
  {
    name: 'a symlink to the values file',
    setup: (dir) => fs.symlinkSync(path.join(dir, 'config', 'orgs', 'example.json'), path.join(dir, 'report.xml')),
    file: 'report.xml',
    folder: 'report.xml',
    expect: (f) =>
      f.kind === 'folder' ? 'OutputPathBlocked' : f.name.startsWith('probe') ? 'OutputNotOurs' : 'OutputIsInput',
  },
  {
    name: 'a dangling symlink',
    setup: (dir) => fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling')),
    file: 'dangling/report.xml',
    folder: 'dangling',
    expect: 'OutputDanglingSymlink',
  },
  {
    name: 'a named pipe',
    setup: (dir) => execFileSync('mkfifo', [path.join(dir, 'pipe')]),
    file: 'pipe',
    folder: 'pipe',
    expect: 'OutputSpecialFile',
  },
  { name: '/proc/self', file: '/proc/self/x/report.xml', folder: '/proc/self/x', expect: 'OutputSpecialFileSystem' },
  {
    name: 'a name too long for the file system',
    file: `out/${'a'.repeat(300)}.xml`,
    folder: `out/${'a'.repeat(300)}`,
    expect: 'OutputPathInvalid',
  },
  { name: '/dev/null', file: '/dev/null', folder: '/dev/null', expect: 'OutputSpecialFileSystem' },
  {
    name: 'a folder where a file goes',
    file: 'config',
    folder: 'sfdx-project.json',
    expect: (f) => (f.kind === 'file' ? 'OutputIsFolder' : 'OutputPathBlocked'),
  },
  {
    name: "someone else's file",
    setup: (dir): void => {
      fs.mkdirSync(path.join(dir, 'mine', 'ispm'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'mine', 'ispm', 'notes.txt'), 'my notes');
      fs.writeFileSync(path.join(dir, 'mine', 'server.key'), 'my key');
    },
    file: 'mine/ispm/notes.txt',
    folder: 'mine',
    expect: (f) =>
      f.kind === 'file'
        ? 'OutputNotOurs'
        : { 'check --output-dir': 'OutputFolderNotOurs', 'stage --output-dir': 'OutputNotEmpty' }[f.name] ??
          'OutputFileExists',
  },
];

/** Every file under a folder with its bytes: compared before and after to prove nothing was touched. */
const tree = (dir: string): string =>
  JSON.stringify(
    fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .sort()
      .map((f) => {
        const full = path.join(dir, f);
        return [f, fs.lstatSync(full).isFile() ? fs.readFileSync(full, 'utf8') : ''];
      })
  );

describe('every output flag refuses every forbidden path before any side effect', () => {
  const project = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  const cases = FLAGS.flatMap((flag) =>
    FORBIDDEN.map((forbidden) => [flag.name, forbidden.name, flag, forbidden] as const)
  );

  it.each(cases)('%s → %s', async (_f, _k, flag, forbidden) => {
    const dir = project();
    forbidden.setup?.(dir);
    const before = { source: tree(path.join(dir, 'force-app')), config: tree(path.join(dir, 'config')) };
    const requests = sim().requests.length;
    const { code, out } = await run(...flag.argv(flag.kind === 'file' ? forbidden.file : forbidden.folder), '--json');
    const envelope = JSON.parse(out) as { name: string; data?: { problems?: Array<{ code: string }> } };
    // check reports its output problem among its problems (CheckFailedError lists them all).
    const name = envelope.name === 'CheckFailedError' ? envelope.data?.problems?.[0]?.code : envelope.name;
    const expected = typeof forbidden.expect === 'string' ? forbidden.expect : forbidden.expect(flag);
    expect({ code, name }).toEqual({ code: 1, name: `${expected}Error` });
    expect(tree(path.join(dir, 'force-app'))).toBe(before.source);
    expect(tree(path.join(dir, 'config'))).toBe(before.config);
    if (flag.org) expect(sim().requests.slice(requests)).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'out', 'ispm'))).toBe(false);
  });

  it('covers every output flag and every forbidden kind', () => {
    expect(cases).toHaveLength(FLAGS.length * FORBIDDEN.length);
  });
});
