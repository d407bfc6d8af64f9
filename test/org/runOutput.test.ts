import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DAY_MS, fixtureCertificatePem } from '../certificate/fixtureCertificate';
import { run, useSimulatedOrg, writes } from '../helpers/simulatedOrg';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';

const VALUES = ['--values', 'config/orgs/example.json'];
const LEFT_OUT = 'this org has no permission labelled "View Event Log Object Data", so it is left out';
const count = (text: string, part: string): number => text.split(part).length - 1;

/** A values file whose ISPM certificate (generated, never a real one) expires in `days` days. */
const valuesWithCertificateExpiringIn = (project: string, days: number): string => {
  const now = Date.now();
  fs.writeFileSync(
    path.join(project, 'config/certs/soon.crt'),
    fixtureCertificatePem({ notBefore: new Date(now - DAY_MS), notAfter: new Date(now + days * DAY_MS + 3_600_000) })
  );
  const values = JSON.parse(fs.readFileSync(path.join(project, 'config/orgs/example.json'), 'utf8')) as {
    vendors: { ispm: Record<string, unknown> };
  };
  values.vendors.ispm.serverCertificate = 'config/certs/soon.crt';
  fs.writeFileSync(path.join(project, 'config/orgs/soon.json'), JSON.stringify(values, undefined, 2));
  return 'config/orgs/soon.json';
};

describe('warnings travel: said once, with the orgs they apply to, in text and in --json', () => {
  const project = useProjectCopyAsCwd();
  useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it('a certificate expiring in 10 days is warned once in deploy’s text and in --json warnings', async () => {
    const values = valuesWithCertificateExpiringIn(project(), 10);
    const text = await run('deploy', '-o', 'prod', '--values', values, '--dry-run');
    expect(text.code).toBe(0);
    expect(count(text.out, 'expires on')).toBe(1);
    expect(text.io.err.join('\n')).toMatch(
      /^Warning: config\/orgs\/soon\.json \[vendors\.ispm\.serverCertificate\]: config\/certs\/soon\.crt expires on \d{4}-\d\d-\d\d[^:]*:\d\d UTC: 10 days left \(warning from 30 days\)/m
    );
    const json = await run('deploy', '-o', 'prod', '--values', values, '--json');
    expect(json.code).toBe(0);
    const { warnings } = json.json() as { warnings: string[] };
    expect(warnings.filter((w) => w.includes('10 days left'))).toHaveLength(1);
    // The org's own advice travels too, said once.
    expect(warnings.filter((w) => w.includes(LEFT_OUT))).toEqual([expect.stringMatching(/^prod: force-app\/reco\//)]);
    expect(JSON.stringify((json.json() as { result: unknown }).result)).not.toContain('"warnings"');
  });
});

describe('across several orgs: advice once with its orgs, progress on stderr, one closing summary', () => {
  useProjectCopyAsCwd();
  useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));
  useSimulatedOrg('uat', () => ({ shape: 'enterprise-shield' }));

  it('plan says "View Event Log Object Data" once for both orgs, shows progress, and ends with the summary', async () => {
    const { code, io } = await run('plan', '-o', 'prod', '-o', 'uat', ...VALUES);
    expect(code).toBe(0);
    const err = io.err.join('\n');
    expect(count(`${io.out.join('\n')}\n${err}`, LEFT_OUT)).toBe(1);
    expect(err).toContain('Warning: prod, uat: force-app/reco/main/default/permissionsets/Reco_Integration');
    expect(io.err).toEqual(
      expect.arrayContaining(['[prod] planning…', '[uat] planning…', '[prod] done', '[uat] done'])
    );
    expect(io.out.join('\n').trimEnd().split('\n').pop()).toBe('2 orgs: 2 succeeded, 0 failed');
  });

  it('verify shows progress and its summary in text, neither in --json', async () => {
    const text = await run('verify', '-o', 'prod', '-o', 'uat', ...VALUES);
    // Nothing deployed yet: both drifted.
    expect(text.code).toBe(1);
    expect(text.io.err).toEqual(expect.arrayContaining(['[prod] verifying…', '[uat] verifying…']));
    expect(text.io.out.join('\n').trimEnd().split('\n').pop()).toBe('2 orgs: 0 succeeded, 2 failed');
    expect(count(text.out, LEFT_OUT)).toBe(1);
    const json = await run('verify', '-o', 'prod', '-o', 'uat', ...VALUES, '--json');
    expect(json.io.err.join('\n')).not.toContain('verifying…');
    expect(json.io.out.join('')).not.toContain('2 orgs:');
  });

  it('verify with one org verified and one drifted exits 68 (some orgs failed)', async () => {
    expect((await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'reco')).code).toBe(0);
    const { code, io } = await run('verify', '-o', 'prod', '-o', 'uat', ...VALUES, '--vendor', 'reco');
    expect(code).toBe(68);
    expect(io.out.join('\n')).toContain('prod: VERIFIED');
    expect(io.out.join('\n').trimEnd().split('\n').pop()).toBe('2 orgs: 1 succeeded, 1 failed');
  });
});

describe('-o is refused when it names no org, in every command', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it.each<[string, string[], string]>([
    [
      'suspend -o --vendor ispm (no value)',
      ['suspend', '-o', '--vendor', 'ispm', ...VALUES],
      'TargetOrgWithoutValueError',
    ],
    ['verify --values V -o (last, no value)', ['verify', ...VALUES, '-o'], 'TargetOrgWithoutValueError'],
    ['deploy -o $ORG unquoted and empty', ['deploy', '-o', ...VALUES], 'TargetOrgWithoutValueError'],
    ['plan -o "" (quoted, empty)', ['plan', '-o', '', ...VALUES], 'EmptyTargetOrgError'],
    ['offboard -o -', ['offboard', '-o', '-', ...VALUES], 'TargetOrgDashError'],
    ['activity -o - (--target-org=-)', ['activity', '--target-org=-', ...VALUES], 'TargetOrgDashError'],
    [
      'stage -o with a newline',
      ['stage', '-o', 'prod\nprod: SUCCEEDED', ...VALUES, '--output-dir', 'out/s'],
      'TargetOrgUnprintableError',
    ],
    ['probe -o -', ['probe', '-o', '-'], 'TargetOrgDashError'],
    ['probe -o with a newline', ['probe', '-o', 'prod\nprod: SUCCEEDED'], 'TargetOrgUnprintableError'],
    ['resume -o with ESC', ['resume', '-o', 'prod\u001b[2K', ...VALUES], 'TargetOrgUnprintableError'],
  ])('%s: exit 1, a named error, nothing sent', async (_case, argv, name) => {
    const { code, out, io } = await run(...argv);
    expect(code).toBe(1);
    expect(out).toContain(`Error (${name})`);
    // A forged line never reaches the output as a line of its own.
    expect(out).not.toMatch(/^prod: SUCCEEDED/m);
    expect(writes(sim())).toEqual([]);
    const json = await run(...argv, '--json');
    expect(json.code).toBe(1);
    expect(json.json()).toMatchObject({ status: 1, name });
    expect(io.out.join('')).not.toContain('"orgs":[]');
  });
});

describe('without -o: the sf CLI’s default org, said in the output', () => {
  useProjectCopyAsCwd();
  useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));
  const saved = process.env.SF_TARGET_ORG;
  afterEach(() => {
    if (saved === undefined) delete process.env.SF_TARGET_ORG;
    else process.env.SF_TARGET_ORG = saved;
  });

  it('uses SF_TARGET_ORG and says so', async () => {
    process.env.SF_TARGET_ORG = 'prod';
    const { code, io } = await run('plan', ...VALUES);
    expect(code).toBe(0);
    expect(io.err).toContain("Using the sf CLI's default org prod (target-org, from SF_TARGET_ORG): -o was not given.");
    expect(io.out.join('\n')).toContain('prod: changes a deploy would make');
  });

  it('uses `sf config set target-org` (the global sf config) and says so', async () => {
    delete process.env.SF_TARGET_ORG;
    const file = path.join(os.homedir(), '.sf', 'config.json');
    const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ 'target-org': 'prod' }));
    try {
      const { code, io } = await run('plan', ...VALUES);
      expect(code).toBe(0);
      expect(io.err.join('\n')).toContain(
        "Using the sf CLI's default org prod (target-org, from the global sf config)"
      );
    } finally {
      if (before === undefined) fs.rmSync(file);
      else fs.writeFileSync(file, before);
    }
  });

  it('refuses by name when there is no default org either', async () => {
    delete process.env.SF_TARGET_ORG;
    const { code, out } = await run('plan', ...VALUES);
    expect(code).toBe(1);
    expect(out).toContain('Error (NoTargetOrgError): No org named: -o is not given and the sf CLI has no default org');
    expect(out).toContain('sf config set target-org prod');
  });
});

describe('reports a person reads: one label, fingerprints not PEMs, a handoff that does not ask for what it printed', () => {
  const project = useProjectCopyAsCwd();
  useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it('the handoff gives the consumer key and then never asks to copy it', async () => {
    const { code, out } = await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm');
    expect(code).toBe(0);
    expect(out).toMatch(/give ispm: Consumer key of the ISPM SFDC Integration External Client App: 3MVG\w+/);
    expect(out).not.toContain('Copy the consumer key');
    // The steps that remain for a person are still there.
    expect(out).toContain('manual (ispm): Share the parameters with ISPM');
  });

  it('verify’s drift report shows a certificate as its fingerprint and expiry, never its PEM', async () => {
    expect((await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm')).code).toBe(0);
    const rotated = valuesWithCertificateExpiringIn(project(), 400);
    const { code, out } = await run('verify', '-o', 'prod', '--values', rotated, '--vendor', 'ispm');
    expect(code).toBe(1);
    expect(out).toContain('FAIL extlClntAppGlobalOauthSets/ISPM_SFDC_Integration_glbloauth.ecaGlblOauth');
    expect(out).toMatch(
      /~ certificate: certificate SHA-256 [0-9A-F:]{23}… expires \d{4}-\d\d-\d\d → certificate SHA-256 [0-9A-F:]{23}… expires \d{4}-\d\d-\d\d/
    );
    expect(out).not.toContain('BEGIN CERTIFICATE');
    expect((await run('plan', '-o', 'prod', '--values', rotated, '--vendor', 'ispm')).out).not.toContain(
      'BEGIN CERTIFICATE'
    );
  });

  it('stage prints the --wait that deploy waits by default', async () => {
    const staged = await run('stage', '-o', 'prod', ...VALUES, '--output-dir', 'out/s');
    const wait = /--wait (\d+)/.exec(staged.out)?.[1];
    const help = await run('deploy', '--help');
    // The --wait option's own lines: up to the next option (yargs wraps its description to the widest flag).
    const waitOption = /\n\s+--wait\s[\s\S]*?(?=\n\s+-)/.exec(help.out)?.[0] ?? '';
    expect(waitOption).toContain(`[default: "${wait ?? 'none'}"]`);
  });

  it('offboard’s dry run lists the real run’s steps in the real order', async () => {
    expect((await run('deploy', '-o', 'prod', ...VALUES)).code).toBe(0);
    const steps = (out: string): string[] =>
      out
        .split('\n')
        .filter((l) => /^ {2}\[\w+\] /.test(l))
        .map((l) => l.replace(/^ {2}\[\w+\] /, '').replace(/ \(.*$/, ''));
    const dry = await run('offboard', '-o', 'prod', ...VALUES, '--dry-run');
    const real = await run('offboard', '-o', 'prod', ...VALUES);
    expect(real.code).toBe(0);
    expect(steps(dry.out).length).toBeGreaterThan(10);
    expect(steps(real.out)).toEqual(steps(dry.out));
    expect(steps(real.out).slice(0, 2)).toEqual([
      'ispm: freeze user ispm.integration@example.com.vendoraccess',
      'ispm: disable External Client App ISPM_SFDC_Integration',
    ]);
  });
});
