import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SfError, SfProject } from '@salesforce/core';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { checkOutputPath, makeFolder } from '../files';
import { listFiles, toPosix } from '../metadata';
import { valuesInputs } from '../values';
import { EXIT_CODES, ExitCode } from '../output';
import type { Problem } from '../problems';
import { type OrgConnection, prepareVendors, type PreparedVendors } from '../org/read';
import { isOrgFailure, runOrgs, DEFAULT_WAIT_MINUTES } from '../org';
import { analyseOrg, buildChangedWorkspace, type FeatureGap } from '../org/plan';

export type StageOptions = {
  projectDir: string;
  targetOrg: string;
  vendors: string[];
  valuesFile: string;
  outputDir: string;
};

export type StageResult = {
  exitCode: ExitCode;
  targetOrg: string;
  /** The staged project folder, as the user named it; undefined when nothing was written. */
  outputDir?: string;
  problems: Problem[];
  notes: string[];
  featureGaps: FeatureGap[];
  /** Source files staged, relative to the output folder. */
  files: string[];
  /** The `sf project deploy start` line to run on the folder. */
  command?: string;
  /** What a raw deploy cannot do, and how to finish it. */
  nextSteps: string[];
  /** Every warning of the run (offline and the org's), each once; the command moves them to the output's warnings. */
  warnings: string[];
};

const STAGE_OUTPUT_LABEL = 'the staged project (--output-dir)';

const quote = (text: string): string => (/^[\w@./:-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`);

/**
 * Writes a source-format project holding exactly what `vendor-access deploy` would send to one org
 * (the org's dependency closure, the merged SecuritySettings with every existing range, the ECA
 * policy names the org uses, only the parts the org's features allow, only what differs), with
 * every replacement already applied, for `sf project deploy start`. Reads the org; changes nothing.
 */
export const stageOrg = async (options: StageOptions): Promise<StageResult> => {
  const prepared = await prepareVendors(options.projectDir, options.vendors, options.valuesFile);
  // Refused before the org is contacted: a folder in the source, on an input, or not empty (an
  // older stage mixed with this one would deploy both).
  const output = {
    label: STAGE_OUTPUT_LABEL,
    given: options.outputDir,
    absolute: path.resolve(options.outputDir),
    kind: 'folder',
    existing: { holds: 'nothing' },
  } as const;
  const outputDir = checkOutputPath(output, {
    projectDir: options.projectDir,
    reads: valuesInputs(prepared.values),
  }).real;
  // The runner every org command uses, for its one org: stage has no per-org report to fail into,
  // so an org it could not get through is the command's error, as before.
  const run = await runOrgs({ targetOrgs: [options.targetOrg], warnings: prepared.warnings }, (org, { warn }) =>
    stageIn(org, options, outputDir, prepared, warn)
  );
  const [only] = run.orgs;
  if (!only || isOrgFailure(only))
    throw new SfError(only?.error.message ?? 'nothing staged', only?.error.name, only?.error.actions);
  return { ...only, warnings: run.warnings };
};

const stageIn = async (
  org: OrgConnection,
  options: StageOptions,
  outputDir: string,
  prepared: PreparedVendors,
  warn: (problem: Problem) => void
): Promise<Omit<StageResult, 'warnings'>> => {
  const analysis = await analyseOrg(org, prepared.vendors, prepared.metadata, prepared.values);
  for (const p of analysis.problems) if (p.severity === 'warning') warn(p);
  const result: Omit<StageResult, 'warnings'> = {
    exitCode: EXIT_CODES.ok,
    targetOrg: org.targetOrg,
    problems: analysis.problems,
    notes: [...analysis.notes],
    featureGaps: analysis.preflight.gaps,
    files: [],
    nextSteps: [],
  };
  if (analysis.problems.some((p) => p.severity === 'error')) return { ...result, exitCode: EXIT_CODES.failed };
  const changed = await buildChangedWorkspace(options.projectDir, org.connection, {
    ...analysis.workspace,
    metadataDir: true,
  });
  result.notes.push(...changed.notes);
  if (!changed.workspace) {
    result.notes.push(
      'The org already holds every component as intended: nothing to stage, and a deploy would send nothing.'
    );
  } else {
    try {
      makeFolder(outputDir, STAGE_OUTPUT_LABEL, options.outputDir);
      await writeSourceProject(changed.workspace.contents, outputDir);
    } finally {
      changed.workspace.cleanup();
    }
    result.outputDir = options.outputDir;
    result.files = listFiles(outputDir)
      .map((f) => toPosix(path.relative(outputDir, f)))
      .sort();
    const target = org.targetOrg.endsWith('(access token)') ? '<the same access token>' : org.targetOrg;
    result.command = `cd ${quote(
      options.outputDir
    )} && sf project deploy start --source-dir force-app --target-org ${quote(target)} --wait ${DEFAULT_WAIT_MINUTES}`;
    if (analysis.merge?.added.length) {
      result.notes.push(
        `settings/Security.settings holds the org's ${analysis.merge.kept.length} existing trusted range(s) as read now, plus ${analysis.merge.added.length} new: a SecuritySettings deploy replaces the whole list, so deploy it soon and stage again if anyone changes ranges meanwhile.`
      );
    }
  }
  if (analysis.preflight.users.length) {
    const values =
      path.relative(process.cwd(), path.resolve(options.projectDir, prepared.values.file)) || prepared.values.file;
    result.nextSteps.push(
      `A metadata deploy cannot create users or assign permission sets: then run vendor-access deploy -o ${quote(
        org.targetOrg.endsWith('(access token)') ? '<token>' : org.targetOrg
      )} --values ${quote(
        values
      )}; it finds the metadata in place, deploys nothing more and finishes the integration users, assignments and handoff.`
    );
  }
  // Hardened mode: a metadata deploy lands the profile, but cannot move the user onto it or off it.
  for (const h of analysis.hardening) {
    if (h.on && h.moveUser === 'toHardened')
      result.nextSteps.push(
        `Hardened mode: the folder holds profile ${h.profileName}; vendor-access deploy then puts ${h.username} on it (until then its logins are not limited to the vendor's ranges).`
      );
    if (h.removeProfile)
      result.nextSteps.push(
        `Hardened mode is off but the org holds profile ${h.profileName}: vendor-access deploy moves ${h.username} back to its licence's profile and removes it; a metadata deploy cannot.`
      );
  }
  return result;
};

/** Converts the metadata-format package (replacements applied) to a source-format sf project. */
const writeSourceProject = async (contents: Map<string, string>, outputDir: string): Promise<void> => {
  const metadataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-stage-'));
  try {
    for (const [rel, text] of contents) {
      fs.mkdirSync(path.dirname(path.join(metadataDir, rel)), { recursive: true });
      fs.writeFileSync(path.join(metadataDir, rel), text);
    }
    await writeSourceFrom(metadataDir, outputDir);
  } finally {
    fs.rmSync(metadataDir, { recursive: true, force: true });
  }
};

const writeSourceFrom = async (metadataDir: string, outputDir: string): Promise<void> => {
  // The folder's own .forceignore, written first: SDR skips output paths the nearest .forceignore
  // ignores, and the project's one ignores SecuritySettings, which here is the merged list to send.
  fs.writeFileSync(
    path.join(outputDir, '.forceignore'),
    '# Staged by vendor-access for one org: every file here is meant to be deployed.\n# Never deploy key material.\n**/*.key\n**/*.pem\n'
  );
  SfProject.clearInstances();
  const set = ComponentSet.fromSource(metadataDir);
  await new MetadataConverter().convert(set, 'source', {
    type: 'directory',
    outputDirectory: path.join(outputDir, 'force-app'),
    genUniqueDir: false,
  });
  // No replacements: every value is already in the files. sourceApiVersion keeps sf from asking the internet.
  fs.writeFileSync(
    path.join(outputDir, 'sfdx-project.json'),
    `${JSON.stringify(
      {
        packageDirectories: [{ path: 'force-app', default: true }],
        name: 'vendor-access-staged',
        sourceApiVersion: '64.0',
      },
      undefined,
      2
    )}\n`
  );
};
