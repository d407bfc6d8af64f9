import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { INPUT_LIMITS } from '../../src/files';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { run } from '../helpers/simulatedOrg';

type Envelope = {
  status: number;
  name: string;
  message: string;
  actions: string[];
  data?: { problems: Array<{ code: string; file: string; field: string; message: string; fix: string }> };
};

const ONE_ORG = { alias: 'prod', values: 'config/orgs/example.json', secret: 'SFDX_AUTH_URL_PROD' };

/**
 * The fleet file gets the values file's limits and checks (issue 18, item 8): a pipe, a device, a
 * huge file, `null` or a wrong shape is a named problem with the file, the field and the fix, in
 * text and in --json, never a hang, an out-of-memory or a raw TypeError.
 */
describe('fleet refuses a bad fleet file by name', () => {
  const dir = useProjectCopyAsCwd();
  const fleet = (): string => path.join(dir(), 'config/fleet.json');

  const refused = async (...argv: string[]): Promise<Envelope> => {
    const { code, out } = await run('fleet', ...argv, '--json');
    expect(code).toBe(1);
    const envelope = JSON.parse(out) as Envelope;
    expect(envelope.actions.join(' ')).toMatch(/\S/);
    expect(envelope.message).not.toMatch(/TypeError|Cannot read prop|ENOENT|EISDIR/);
    return envelope;
  };

  it.each([
    [
      'null',
      'null',
      { code: 'FleetNotObject', field: '', message: 'must be a JSON object holding "orgs", found null' },
    ],
    ['a list', '[]', { code: 'FleetNotObject', field: '', message: 'found a list' }],
    ['a number', '7', { code: 'FleetNotObject', field: '', message: 'found number' }],
    ['not JSON', '{"orgs": [', { code: 'FleetFileNotJson', field: '', message: 'is not valid JSON' }],
    ['an org that is null', '{"orgs": [null]}', { code: 'FleetOrgNotObject', field: 'orgs[0]', message: 'found null' }],
    [
      'an org that is a string',
      '{"orgs": ["prod"]}',
      { code: 'FleetOrgNotObject', field: 'orgs[0]', message: 'found string' },
    ],
    [
      'an alias that is a number',
      JSON.stringify({ orgs: [{ ...ONE_ORG, alias: 5 }] }),
      { code: 'FleetAliasInvalid', field: 'orgs[0].alias', message: '"number" must be an sf alias' },
    ],
  ])('%s', async (_label, text, expected) => {
    fs.writeFileSync(fleet(), text);
    const envelope = await refused();
    expect(envelope.name).toBe('FleetInvalidError');
    expect(envelope.data?.problems).toEqual([
      expect.objectContaining({
        code: expected.code,
        file: 'config/fleet.json',
        field: expected.field,
        message: expect.stringContaining(expected.message) as unknown as string,
        fix: expect.stringMatching(/\S/) as unknown as string,
      }),
    ]);
  });

  it('a named pipe is refused at once, unread (no hang)', async () => {
    fs.rmSync(fleet());
    execFileSync('mkfifo', [fleet()]);
    const envelope = await refused();
    expect(envelope.data?.problems).toEqual([
      expect.objectContaining({ code: 'NotARegularFileError', file: 'config/fleet.json', field: '' }),
    ]);
    expect(envelope.message).toContain('config/fleet.json is a named pipe (FIFO), not a file.');
  });

  it('/dev/zero is refused unread (no endless read)', async () => {
    const envelope = await refused('--fleet', '/dev/zero');
    expect(envelope.data?.problems).toEqual([
      expect.objectContaining({ code: 'NotARegularFileError', file: '/dev/zero' }),
    ]);
  });

  it('a file over the limit is refused before it is read', async () => {
    fs.writeFileSync(fleet(), ' '.repeat(INPUT_LIMITS.fleetFileBytes + 1));
    const envelope = await refused();
    expect(envelope.data?.problems).toEqual([
      expect.objectContaining({ code: 'FileTooLargeError', file: 'config/fleet.json' }),
    ]);
  });

  it('a missing file is named with the fix', async () => {
    fs.rmSync(fleet());
    const envelope = await refused();
    expect(envelope.data?.problems).toEqual([
      expect.objectContaining({ code: 'FileNotFoundError', file: 'config/fleet.json' }),
    ]);
  });
});

describe('fleet --orgs-per-job', () => {
  const dir = useProjectCopyAsCwd();
  const write = (count: number): void =>
    fs.writeFileSync(
      path.join(dir(), 'config/fleet.json'),
      JSON.stringify({
        orgs: Array.from({ length: count }, (_, i) => ({ ...ONE_ORG, alias: `org${i}`, secret: `AUTH_${i}` })),
      })
    );

  it.each(['abc', '0', '-1', '1.5', '', '11'])('refuses %p instead of a matrix that drops orgs', async (given) => {
    write(3);
    const { code, out } = await run('fleet', '--orgs-per-job', given);
    expect(code).toBe(1);
    expect(out).toContain(`Error (BadOrgsPerJobError): --orgs-per-job "${given}" is not a whole number from 1 to 10.`);
  });

  it("refuses a matrix past GitHub's 256 jobs, naming the smallest --orgs-per-job that fits", async () => {
    write(2000);
    const { code, out } = await run('fleet', '--orgs-per-job', '5');
    expect(code).toBe(1);
    expect(out).toContain(
      "Error (FleetMatrixTooLargeError): The fleet's 2000 orgs at --orgs-per-job 5 make 400 jobs; a GitHub Actions matrix runs at most 256 jobs per workflow run."
    );
    expect(out).toContain('Pass --orgs-per-job 8 or more');
    const fits = await run('fleet', '--orgs-per-job', '8', '--json');
    expect(fits.code).toBe(0);
    const include = (JSON.parse(fits.out) as { result: { include: Array<{ aliases: string }> } }).result.include;
    expect(include).toHaveLength(250);
    // Every org is in exactly one job.
    expect(include.flatMap((j) => j.aliases.split(' '))).toHaveLength(2000);
  });

  it('refuses a fleet no workflow run can hold (more than 256 jobs of 10 orgs), saying to split it', async () => {
    write(3000);
    const { code, out } = await run('fleet');
    expect(code).toBe(1);
    expect(out).toContain(
      "Error (FleetTooLargeError): The fleet's 3000 orgs do not fit one workflow run: a GitHub Actions matrix runs at most 256 jobs, and a drift-watch job verifies at most 10 orgs (one secret slot each)."
    );
  });
});
