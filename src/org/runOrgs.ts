import { type Problem, RunWarnings } from '../problems';
import { loadMessages } from '../messages';
import { exitCodeOf, ExitCode, Verdict } from '../output';
import { mapWithConcurrency } from './mapWithConcurrency';
import { orgError, type OrgError } from './orgError';
import type { OrgConnection } from './read/connectOrg';

const messages = loadMessages('org');

/** How every org command reports an org it could not get through: its label, `failed`, and the error. */
export type OrgFailure = { targetOrg: string; outcome: 'failed'; error: OrgError };

export const isOrgFailure = (report: object): report is OrgFailure => 'error' in report;

export type RunOrgsOptions = {
  targetOrgs: string[];
  /** How many orgs at once (`--concurrency`, checked by the command). */
  concurrency?: number;
  /** Ctrl-C / SIGTERM: an org not yet started is not started (its work sees the signal itself). */
  signal?: AbortSignal;
  /** The offline warnings of the run (prepareVendors): said once, before any org's. */
  warnings?: Problem[];
  /** Progress for a person (stderr, never in --json): `[org] planning…`, then how it ended. */
  onProgress?: (org: string, message: string) => void;
  /** What the progress line says while an org is worked on (e.g. `planning`); none without it. */
  doing?: string;
  /** How each org is connected; default connectOrg. deploy hands over the connections it made first. */
  connect?: (targetOrg: string, index: number) => Promise<OrgConnection>;
  /** What an org not started before an interruption is told (default: nothing was sent to it). */
  interrupted?: OrgError;
};

/** What one org's work may say besides its report: a warning the run says once, with its orgs. */
export type OrgContext = { warn: (problem: Problem) => void };

export type OrgRun<R> = { orgs: Array<R | OrgFailure>; warnings: string[] };

/**
 * The one per-org loop of every org command (plan, stage, deploy, verify, the lifecycle, activity):
 * each org connected and worked on `concurrency` at a time, in the order given; an org whose work
 * throws becomes one OrgFailure and the others go on; an org not started before the signal aborted
 * is failed without being contacted. Warnings (offline and per org) come back grouped: each said
 * once, with the orgs it applies to.
 */
export const runOrgs = async <R>(
  options: RunOrgsOptions,
  work: (org: OrgConnection, context: OrgContext) => Promise<R>
): Promise<OrgRun<R>> => {
  // Required when orgs are run, not when org's face is loaded: connectOrg loads @salesforce/core, and
  // deploy's --help reads DEFAULT_WAIT_MINUTES through that face (test/startup).
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { connectOrg, orgLabel } = require('./read/connectOrg') as typeof import('./read/connectOrg');
  const warnings = new RunWarnings();
  for (const problem of options.warnings ?? []) warnings.add(problem);
  const connect = options.connect ?? ((targetOrg: string): Promise<OrgConnection> => connectOrg(targetOrg));
  const lanes = options.targetOrgs.map((targetOrg, index) => ({ targetOrg, index }));
  const orgs = await mapWithConcurrency(
    lanes,
    options.concurrency ?? 2,
    async ({ targetOrg, index }): Promise<R | OrgFailure> => {
      const label = orgLabel(targetOrg);
      if (options.signal?.aborted)
        return {
          targetOrg: label,
          outcome: 'failed',
          error: options.interrupted ?? {
            name: 'InterruptedError',
            message: messages.getMessage('error.InterruptedBeforeOrg'),
            actions: messages.getMessages('error.InterruptedBeforeOrg.actions'),
          },
        };
      if (options.doing) options.onProgress?.(label, `${options.doing}…`);
      try {
        const org = await connect(targetOrg, index);
        const report = await work(org, { warn: (problem) => warnings.add(problem, org.targetOrg) });
        if (options.doing) options.onProgress?.(label, 'done');
        return report;
      } catch (err) {
        const error = orgError(err);
        if (options.doing) options.onProgress?.(label, `failed: ${error.message}`);
        return { targetOrg: label, outcome: 'failed', error };
      }
    }
  );
  return { orgs, warnings: warnings.list(options.targetOrgs.map(orgLabel)) };
};

/** The exit code of a run from each org's verdict (an OrgFailure is `failed`): messages/exitCodes.md. */
export const exitCodeOfRun = <R extends object>(
  orgs: Array<R | OrgFailure>,
  verdict: (report: R) => Verdict
): ExitCode => exitCodeOf(orgs.map((o) => (isOrgFailure(o) ? 'failed' : verdict(o))));
