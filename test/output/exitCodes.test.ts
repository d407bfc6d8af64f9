import fs from 'node:fs';
import path from 'node:path';
import { exitCodeHelp, ExitCodeCommand } from '../../src/commands/exitCodeHelp';
import { lifecycleVerdict } from '../../src/lifecycle/lifecycleVerdict';
import { deployVerdict } from '../../src/org/apply/deployVerdict';
import type { OrgDeployReport } from '../../src/org/apply/deployToOrg';
import { planVerdict } from '../../src/org/plan/formatPlan';
import type { OrgOutcome } from '../../src/lifecycle/lifecycleStep';
import { EXIT_CODES, exitCodeOf, Verdict } from '../../src/output/exitCodes';
import { recordingIo } from '../../src/output/io';
import { main } from '../../src/cli';

/**
 * The one outcome → exit-code table (as plugin-deploy-retrieve tests its errorCodes): each command's
 * per-org outcomes, the code a pipeline gets, and the line its --help shows for that code.
 */
const error = { severity: 'error' as const, code: 'X', file: 'f', field: '', message: 'm', fix: 'x' };
const warning = { ...error, severity: 'warning' as const };
const deploy = (outcomes: Array<OrgDeployReport['outcome']>): Verdict[] => outcomes.map(deployVerdict);
const lifecycle = (outcomes: OrgOutcome[]): Verdict[] => outcomes.map(lifecycleVerdict);
const failure = 'failed' as const; // an org the run could not get through (OrgFailure)

const TABLE: Array<[ExitCodeCommand, string, Verdict[], number]> = [
  ['plan', 'every org planned', [planVerdict({ problems: [warning] }), planVerdict({ problems: [] })], 0],
  ['plan', '2 of 3 planned, 1 failed preflight', ['ok', 'ok', planVerdict({ problems: [error] })], 68],
  ['plan', 'no org planned', [failure, planVerdict({ problems: [error] })], 1],
  ['stage', 'staged', [planVerdict({ problems: [] })], 0],
  ['stage', 'failed preflight', [planVerdict({ problems: [error] })], 1],
  ['deploy', 'deployed everywhere', deploy(['succeeded', 'succeeded']), 0],
  ['deploy', 'validated (--dry-run)', deploy(['validated']), 0],
  ['deploy', 'one deployed, one failed', deploy(['succeeded', 'failed']), 68],
  ['deploy', 'one deployed, one incomplete (users)', deploy(['succeeded', 'incomplete']), 68],
  ['deploy', 'none deployed', [...deploy(['canceled']), failure], 1],
  ['deploy', 'a deploy still running', deploy(['succeeded', 'running']), 69],
  ['deploy', 'how a deploy ended is unknown', deploy(['failed', 'unknown']), 69],
  ['verify', 'every org verified', ['ok', 'ok', 'ok'], 0],
  ['verify', '2 of 3 verified, 1 drifted', ['ok', 'ok', 'failed'], 68],
  ['verify', 'the one org drifted', ['failed'], 1],
  ['suspend', 'suspended everywhere', lifecycle(['succeeded', 'succeeded']), 0],
  ['suspend', 'dry run planned', lifecycle(['planned']), 0],
  ['suspend', 'some steps failed in the one org', lifecycle(['partial']), 68],
  ['suspend', 'one org suspended, one not reached', [...lifecycle(['succeeded']), failure], 68],
  ['suspend', 'nothing suspended', [failure, ...lifecycle(['failed'])], 1],
  ['resume', 'resumed', lifecycle(['succeeded']), 0],
  ['resume', 'one step left undone', lifecycle(['partial', 'succeeded']), 68],
  ['resume', 'nothing resumed', lifecycle(['failed']), 1],
  ['offboard', 'nothing offboarded', [failure], 1],
  ['offboard', 'offboarded', lifecycle(['succeeded']), 0],
  ['offboard', 'one of two failed', lifecycle(['succeeded', 'failed']), 68],
  ['activity', 'every org read', ['ok', 'ok'], 0],
  ['activity', 'one of two unreadable', ['ok', failure], 68],
  ['activity', 'no org readable', [failure], 1],
];

describe('one outcome → exit-code table', () => {
  it.each(TABLE)('%s: %s → %s', (command, _case, verdicts, code) => {
    expect(exitCodeOf(verdicts)).toBe(code);
    // The code is documented in the command's --help, from messages/exitCodes.md.
    expect(exitCodeHelp(command)).toMatch(new RegExp(`^  ${code} +\\S`, 'm'));
  });

  it('no org at all is failure: nothing was checked', () => {
    expect(exitCodeOf([])).toBe(EXIT_CODES.failed);
  });

  it('each code a command documents is one the table reaches, and every code is one of the four', () => {
    const documented = (command: ExitCodeCommand): number[] =>
      [...exitCodeHelp(command).matchAll(/^ {2}(\d+) /gm)].map((m) => Number(m[1]));
    for (const command of new Set(TABLE.map(([c]) => c))) {
      const reached = new Set(TABLE.filter(([c]) => c === command).map(([, , , code]) => code));
      expect([...reached].sort()).toEqual(documented(command).sort());
    }
    const all = Object.values(EXIT_CODES) as number[];
    for (const command of new Set(TABLE.map(([c]) => c))) for (const c of documented(command)) expect(all).toContain(c);
  });

  it.each(['plan', 'stage', 'deploy', 'verify', 'suspend', 'resume', 'offboard', 'activity'])(
    '`%s --help` ends with its exit codes; `-h` shows the same help',
    async (command) => {
      const long = recordingIo();
      const short = recordingIo();
      expect(await main([command, '--help'], long)).toBe(0);
      expect(await main([command, '-h'], short)).toBe(0);
      expect(short.out).toEqual(long.out);
      // yargs wraps long lines to the terminal's width: compared word by word.
      const words = (text: string): string => text.replace(/\s+/g, ' ');
      expect(words(long.out.join('\n'))).toContain(words(exitCodeHelp(command as ExitCodeCommand)));
    }
  );

  it('`vendor-access --help` shows the shared table, written once in messages/exitCodes.md', async () => {
    const io = recordingIo();
    await main(['--help'], io);
    const text = io.out.join('\n');
    for (const code of ['0', '1', '68', '69']) expect(text).toMatch(new RegExp(`^  ${code} +\\S`, 'm'));
    const source = fs.readFileSync(path.join(__dirname, '..', '..', 'messages', 'exitCodes.md'), 'utf8');
    expect(source).toContain('- 68: some orgs or steps failed while others succeeded');
    expect(text).toContain('68  some orgs or steps failed while others succeeded');
  });
});
