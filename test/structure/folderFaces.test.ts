import fs from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '..', '..', 'src');

type Reach = { from: string; to: string; lazy: boolean };

/**
 * Lazy requires that name a file past its folder's index.ts, each because loading the whole folder
 * would load more when the command starts (test/startup, `npm run bench startup`).
 * `from` and `to` are src-relative, `to` without its extension.
 */
const LAZY_PAST_THE_FACE: Array<{ from: string; to: string }> = [
  // activity reads events and logins only: the lifecycle's face also loads suspend's and offboard's
  // SDR conversions, which activity never needs.
  { from: 'commands/activity.ts', to: 'lifecycle/activityOrgs' },
  { from: 'commands/activity.ts', to: 'lifecycle/formatActivity' },
  // `cert inspect` reads a certificate: the certificate face also loads key generation (node-forge's
  // RSA), which only `cert generate` needs.
  { from: 'commands/cert.ts', to: 'certificate/checkCertificateFile' },
  { from: 'commands/cert.ts', to: 'certificate/formatCertificateReport' },
];

const posix = (p: string): string => p.split(path.sep).join('/');

/** Every relative import, re-export, `require(...)` and `import(...)` of every src/ file, resolved. */
const reaches = (): Reach[] =>
  fs
    .readdirSync(SRC, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((file) => {
      const text = fs.readFileSync(path.join(SRC, file), 'utf8');
      return [
        ...text.matchAll(/(?:^(?:import|export)\s+(?:type\s+)?[^;]*?from\s+|(require|import)\()'(\.[^']+)'/gms),
      ].flatMap((m) => {
        let target = path.normalize(path.join(path.dirname(file), m[2] as string));
        if (target.endsWith('.json')) return [];
        if (fs.existsSync(path.join(SRC, target)) && fs.statSync(path.join(SRC, target)).isDirectory())
          target = path.join(target, 'index');
        return [{ from: posix(file), to: posix(target), lazy: Boolean(m[1]) }];
      });
    });

/**
 * An import from one folder of src/ into another names a folder (its index.ts, the folder's public
 * face), never a file inside it. Folders inside a folder (org/read, org/plan, org/apply, org/verify)
 * are folders with faces of their own. Imports within one top folder, and of src/'s own root files,
 * are free.
 */
const pastTheFace = (from: string, to: string): boolean => {
  const [fromTop] = from.split('/');
  const toParts = to.split('/');
  if (toParts.length < 2) return false;
  if (from.includes('/') && fromTop === toParts[0]) return false;
  return toParts[toParts.length - 1] !== 'index';
};

describe("each folder's index.ts is its public face", () => {
  const all = reaches();
  const crossing = all.filter(
    (r) => r.to.includes('/') && (!r.from.includes('/') || r.from.split('/')[0] !== r.to.split('/')[0])
  );

  it('reads the imports it checks (a parser that found nothing would pass anything)', () => {
    expect(crossing.length).toBeGreaterThan(100);
    expect(crossing).toContainEqual({ from: 'commands/deploy.ts', to: 'org/apply/index', lazy: true });
    expect(crossing).toContainEqual({ from: 'org/runOrgs.ts', to: 'problems/index', lazy: false });
  });

  it('the rule refuses a file past the face and accepts the face', () => {
    expect(pastTheFace('commands/deploy.ts', 'org/apply/deployOrgs')).toBe(true);
    expect(pastTheFace('index.ts', 'stage/stageOrg')).toBe(true);
    expect(pastTheFace('commands/deploy.ts', 'org/apply/index')).toBe(false);
    expect(pastTheFace('org/plan/planOrg.ts', 'org/read/connectOrg')).toBe(false);
  });

  it('no import from another folder reaches past its index.ts (lazy requires on the list excepted)', () => {
    const allowed = (r: Reach): boolean => r.lazy && LAZY_PAST_THE_FACE.some((a) => a.from === r.from && a.to === r.to);
    expect(all.filter((r) => pastTheFace(r.from, r.to) && !allowed(r)).map((r) => `${r.from} -> ${r.to}`)).toEqual([]);
  });

  it('every listed lazy require is still there and still past the face (no stale entries)', () => {
    for (const a of LAZY_PAST_THE_FACE) expect(all).toContainEqual({ ...a, lazy: true });
  });
});
