import path from 'node:path';
import { loadMessages } from '../../messages';
import { inspectCertificateFile } from '../../certificate';
import { pollIntervalMs } from '../../config';
import { checkOutputPath, OutputTarget } from '../../files';
import type { ExitCode } from '../../output';
import { valueByRole, valuesInputs } from '../../values';
import { connectOrg, orgLabel } from '../read/connectOrg';
import { mapWithConcurrency } from '../mapWithConcurrency';
import { prepareVendors } from '../read/prepareVendors';
import { refuseUsernameCollisions } from '../plan/usernameCollisions';
import { exitCodeOfRun, OrgFailure, runOrgs } from '../runOrgs';
import { prepareRecordFolder, writeRunRecord } from '../runRecord';
import { deployVerdict } from './deployVerdict';
import { recordSettingsBefore, vendorSettingsNames } from './settingsBefore';
import { DeployEvent, deployToOrg, OrgDeployReport } from './deployToOrg';
import { INTERRUPTED_BEFORE_DEPLOY } from './interruption';

const messages = loadMessages('org');

export type DeployOrgsOptions = {
  projectDir: string;
  targetOrgs: string[];
  vendors: string[];
  valuesFile: string;
  dryRun: boolean;
  /** deployToOrg's addRequiredPermissions. */
  addRequiredPermissions?: boolean;
  resumeId?: string;
  concurrency?: number;
  signal?: AbortSignal;
  onEvent?: (event: DeployEvent) => void;
  outDir?: string;
  pollIntervalMs?: number;
  /** How long to wait for each deploy before reporting it as still running. */
  waitMs?: number;
  /** Files the command writes after the run (`--junit`): held to the output rule, with the run's inputs, before any org is contacted. */
  outputs?: OutputTarget[];
};

export type { OrgFailure } from '../runOrgs';
export type DeployOrgsResult = {
  exitCode: ExitCode;
  orgs: Array<OrgDeployReport | OrgFailure>;
  records: string[];
  /** Deploy records that could not be written after the orgs changed (the reports above stand). */
  unwritten?: string[];
  /** Every warning of the run, each once with its orgs; the command moves them to the output's warnings. */
  warnings: string[];
};

const certificateFacts = async (
  projectDir: string,
  file: string | undefined
): Promise<{ sha256Fingerprint: string; notAfter: string; daysLeft: number } | undefined> => {
  if (!file) return undefined;
  const report = await inspectCertificateFile(path.resolve(projectDir, file));
  return { sha256Fingerprint: report.sha256Fingerprint, notAfter: report.notAfter, daysLeft: report.daysLeft };
};

/**
 * Deploys (or validates) the vendors to every target org, a few at a time. Offline checks run once
 * before any org is contacted; each org then gets its own preflight, deploy and report, and a JSON
 * deploy record under out/deploys/.
 */
export const deployOrgs = async (options: DeployOrgsOptions): Promise<DeployOrgsResult> => {
  const prepared = await prepareVendors(options.projectDir, options.vendors, options.valuesFile);
  const outDir = path.resolve(options.outDir ?? path.join(options.projectDir, 'out'));
  const dir = path.join(outDir, 'deploys');
  // Every output is checked, and the record folders made, before any org is contacted: a path into
  // the source, onto an input or a file in the way fails the run here, not after the metadata landed.
  const context = { projectDir: options.projectDir, reads: valuesInputs(prepared.values) };
  const recordFolder = (name: string, label: string): string =>
    prepareRecordFolder(path.join(outDir, name), label, context);
  recordFolder('deploys', 'the deploy records');
  if (!options.dryRun) recordFolder('lifecycle', "the org's settings before the deploy");
  for (const output of options.outputs ?? []) checkOutputPath(output, context);
  // Every org is connected before any is deployed, so one org under two names (an alias and its
  // username) is known up front: the first name given deploys it, the later one gets nothing.
  const connections = await mapWithConcurrency(options.targetOrgs, options.concurrency ?? 2, (t) =>
    connectOrg(t).then(
      (org) => ({ org }),
      (error: unknown) => ({ error })
    )
  );
  const firstName = new Map<string, string>();
  connections.forEach((c, i) => {
    if ('org' in c && !firstName.has(c.org.orgId))
      firstName.set(c.org.orgId, orgLabel(options.targetOrgs[i] as string));
  });
  // One username created in two orgs fails in the second after its metadata landed: refused here,
  // before any org changes (a resumed deploy is one org's, already past this point).
  if (!options.resumeId) {
    const distinct = connections.flatMap((c, i) =>
      'org' in c && firstName.get(c.org.orgId) === orgLabel(options.targetOrgs[i] as string) ? [c.org] : []
    );
    await refuseUsernameCollisions(distinct, prepared.vendors, prepared.values);
  }
  const run = await runOrgs(
    {
      targetOrgs: options.targetOrgs,
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.signal ? { signal: options.signal } : {}),
      warnings: prepared.warnings,
      interrupted: {
        name: 'InterruptedError',
        message: INTERRUPTED_BEFORE_DEPLOY,
        actions: ['Run vendor-access deploy again for this org.'],
      },
      // Connected above, all before any deploy: a lane takes its own connection or its error.
      connect: (targetOrg, index) => {
        const connection = connections[index] as (typeof connections)[number];
        if ('error' in connection) return Promise.reject(connection.error);
        const { org } = connection;
        const first = firstName.get(org.orgId);
        if (first !== orgLabel(targetOrg))
          return Promise.reject(
            messages.createError('error.SameOrgTwice', [orgLabel(targetOrg), first ?? '', org.orgId])
          );
        return Promise.resolve(org);
      },
    },
    async (org, { warn }): Promise<OrgDeployReport> => {
      // What offboard --restore-settings needs: the settings the vendors change, as the org had them first.
      let settingsNote: string | undefined;
      const recordSettings = async (): Promise<void> => {
        settingsNote = await recordSettingsBefore(
          org.connection,
          outDir,
          org.orgId,
          vendorSettingsNames(prepared.metadata.flatMap((m) => [...m.files.keys()]))
        );
      };
      const report = await deployToOrg({
        projectDir: options.projectDir,
        ...prepared,
        org,
        dryRun: options.dryRun,
        ...(options.addRequiredPermissions ? { addRequiredPermissions: true } : {}),
        ...(options.resumeId ? { resumeId: options.resumeId } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onEvent ? { onEvent: options.onEvent } : {}),
        pollIntervalMs: options.pollIntervalMs ?? pollIntervalMs(),
        ...(options.waitMs === undefined ? {} : { waitMs: options.waitMs }),
        ...(options.dryRun || options.resumeId ? {} : { beforeChange: recordSettings }),
      });
      if (settingsNote) report.notes.push(settingsNote);
      for (const p of report.problems) if (p.severity === 'warning') warn(p);
      return report;
    }
  );
  const orgs = run.orgs;
  const at = new Date().toISOString();
  // The record names the first chosen vendor's certificate (one vendor has one today).
  const certificate = await certificateFacts(
    options.projectDir,
    prepared.vendors.map((v) => valueByRole(v, prepared.values, 'certificate')).find(Boolean)
  );
  const records: string[] = [];
  const unwritten: string[] = [];
  for (const report of orgs) {
    try {
      records.push(
        writeRunRecord(
          options.projectDir,
          dir,
          {
            id: 'orgId' in report ? report.orgId : report.targetOrg.replace(/[^\w.-]/g, '_'),
            kind: options.dryRun ? 'validate' : 'deploy',
            at,
            label: 'the deploy record',
          },
          {
            at: new Date().toISOString(),
            values: prepared.values.file,
            vendors: prepared.vendors.map((v) => v.name),
            dryRun: options.dryRun,
            ...(certificate ? { certificate } : {}),
            report,
          }
        )
      );
    } catch (err) {
      // The org has changed: what it did is reported whatever happens to the record.
      unwritten.push(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
    }
  }
  return {
    exitCode: exitCodeOfRun(orgs, (o) => deployVerdict(o.outcome)),
    orgs,
    records,
    ...(unwritten.length ? { unwritten } : {}),
    warnings: run.warnings,
  };
};
