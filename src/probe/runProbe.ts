import path from 'node:path';
import { checkOutputPath, prepareOutputFolder, writeOutputFile, type OutputTarget } from '../files';
import { loadMessages } from '../messages';
import { loadVendors } from '../catalogue';
import { connectOrg } from '../org/read';
import { errorsIn, checkFailedError } from '../problems';
import { ProbeStep, probeOrg } from './probeOrg';
import { ProbeShape, unknownFacts } from './probeShape';
import { shapeFileText } from './shapeFileText';

const messages = loadMessages('probe');

export type ProbeOptions = {
  projectDir: string;
  targetOrg: string;
  output?: string;
  now?: Date;
  onStep?: ProbeStep;
  env?: NodeJS.ProcessEnv;
};
export type ProbeResult = {
  targetOrg: string;
  file: string;
  shape: ProbeShape;
  unknown: Array<{ field: string; reason: string }>;
};

/** Where a probe writes without --output, relative to the project; the file is named by org id, never by token or user. */
const DEFAULT_DIR = path.join('out', 'probe');

/** The shape file as an output: an existing file is replaced only when it is an earlier probe's shape file. */
const shapeTarget = (projectDir: string, given: string): OutputTarget & { kind: 'file' } => ({
  label: 'the shape file (--output)',
  given,
  absolute: path.resolve(projectDir, given),
  kind: 'file',
  existing: {
    replace: 'own',
    what: 'a shape file vendor-access probe wrote',
    isOwn: (head) => /"source":\s*"vendor-access probe/.test(head),
  },
});

/**
 * `vendor-access probe`: load the catalogue (offline, so a bad vendor.json stops before the org is
 * contacted), read the org, and write the shape file. Nothing is sent that changes the org.
 */
export const runProbe = async (options: ProbeOptions): Promise<ProbeResult> => {
  const catalogue = loadVendors(options.projectDir);
  const errors = errorsIn(catalogue.problems);
  if (errors.length) throw checkFailedError(errors);
  // The output is checked (its folder made) before the org is contacted: a probe never fails after
  // reading for nothing, and never writes into the source or over a file that is not a shape file.
  const context = { projectDir: options.projectDir };
  if (options.output) checkOutputPath(shapeTarget(options.projectDir, options.output), context);
  else
    prepareOutputFolder(
      {
        label: 'the shape file',
        given: DEFAULT_DIR,
        absolute: path.resolve(options.projectDir, DEFAULT_DIR),
        kind: 'folder',
        existing: { holds: 'anything' },
      },
      context
    );
  const org = await connectOrg(options.targetOrg, options.env ? { env: options.env } : {});
  const shape = await probeOrg(org.connection, catalogue.vendors, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.onStep ? { onStep: options.onStep } : {}),
  });
  const unknown = unknownFacts(shape);
  // Every fact refused (an expired session, a user without API access): there is nothing to record.
  const facts = Object.keys(shape).filter((k) => !['name', 'source', 'probedAt'].includes(k)).length;
  if (unknown.filter((u) => !u.field.includes('[')).length >= facts)
    throw messages.createError('error.ProbeRefused', [org.targetOrg, unknown[0]?.reason ?? '']);
  const file = options.output ?? path.join(DEFAULT_DIR, `${org.orgId || 'org'}.shape.json`);
  const written = shapeFileText(shape, [org.connection.accessToken ?? '', org.connection.getUsername() ?? '']);
  if ('leak' in written) throw messages.createError('error.ProbeWouldLeak', [org.targetOrg, written.leak]);
  writeOutputFile(shapeTarget(options.projectDir, file), context, written.text);
  return { targetOrg: org.targetOrg, file, shape, unknown };
};
