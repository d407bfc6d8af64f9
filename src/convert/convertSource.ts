import fs from 'node:fs';
import { SfProject } from '@salesforce/core';
import { ComponentSet, ComponentSetBuilder, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { stageReplacements } from '../values/stageReplacements';
import type { VendorValues } from '../values/orgValues';
import { loadMessages } from '../messages/loadMessages';

const internal = loadMessages('internal');

export type ConvertRequest = {
  /** The sf project whose sfdx-project.json `replacements` and `.forceignore` apply. */
  projectDir: string;
  /** Source folders to convert (absolute). */
  sourcepaths: string[];
  /** Values staged for the replacements while SDR converts, and put back after. */
  values: VendorValues[];
  /** Components to leave out, as `Type:fullName`. */
  exclude?: Set<string>;
  /** Write SDR's own zip (what a deploy sends) to this path. */
  zipPath?: string;
  /** Write a readable metadata-format folder, replacements applied, into this folder. */
  metadataDir?: string;
};

// SDR reads replacement values from process.env and its directory-output switch from
// SF_APPLY_REPLACEMENTS_ON_CONVERT, both shared by every conversion in the process: one at a time.
let conversionLock: Promise<unknown> = Promise.resolve();
const withConversionLock = <T>(work: () => Promise<T>): Promise<T> => {
  const run = conversionLock.then(work, work);
  conversionLock = run.catch(() => undefined);
  return run;
};

/**
 * The one way source becomes a metadata package, for check, plan, deploy and stage: SDR with the
 * project directory set (so replacements and .forceignore apply as for `sf project deploy start`),
 * the values staged for its replacements, and process.env left exactly as it was found.
 */
export const convertSource = (request: ConvertRequest): Promise<ComponentSet> =>
  withConversionLock(async () => {
    const restoreValues = stageReplacements(request.projectDir, request.values);
    const previousFlag = process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT;
    try {
      SfProject.clearInstances();
      const set = await ComponentSetBuilder.build({ sourcepath: request.sourcepaths, projectDir: request.projectDir });
      const exclude = request.exclude;
      const components = exclude?.size
        ? new ComponentSet(set.toArray().filter((c) => !exclude.has(`${c.type.name}:${c.fullName}`)))
        : set;
      components.projectDirectory = request.projectDir;
      if (set.sourceApiVersion) components.sourceApiVersion = set.sourceApiVersion;
      if (set.apiVersion) components.apiVersion = set.apiVersion;
      if (request.zipPath) {
        const { zipBuffer } = await new MetadataConverter().convert(components, 'metadata', { type: 'zip' });
        if (!zipBuffer) throw internal.createError('error.ConversionFailed', [request.sourcepaths.join(', ')]);
        fs.writeFileSync(request.zipPath, zipBuffer);
      }
      if (request.metadataDir) {
        // SDR applies replacements to folder output only when asked (metadataConverter.ts). No
        // packageName: SDR would write it into package.xml as <fullName>, and a package.xml with a
        // fullName deploys as a named unmanaged package.
        process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT = 'true';
        await new MetadataConverter().convert(components, 'metadata', {
          type: 'directory',
          outputDirectory: request.metadataDir,
          genUniqueDir: false,
        });
      }
      return components;
    } finally {
      if (previousFlag === undefined) delete process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT;
      else process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT = previousFlag;
      restoreValues();
    }
  });
