import fs from 'node:fs';
import path from 'node:path';
import { loadMessages } from '../messages/loadMessages';
import { loadVendors } from '../catalogue';
import { connectOrg } from '../org/read/connectOrg';
import { errorsIn } from '../inputs/problem';
import { checkFailedError } from '../inputs/checkFailed';
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

const writeOrFail = (file: string, write: () => void): void => {
  try {
    write();
  } catch (err) {
    throw messages.createError('error.OutputNotWritable', [file, (err as NodeJS.ErrnoException).code ?? 'error']);
  }
};

/**
 * `vendor-access probe`: load the catalogue (offline, so a bad vendor.json stops before the org is
 * contacted), read the org, and write the shape file. Nothing is sent that changes the org.
 */
export const runProbe = async (options: ProbeOptions): Promise<ProbeResult> => {
  const catalogue = loadVendors(options.projectDir);
  const errors = errorsIn(catalogue.problems);
  if (errors.length) throw checkFailedError(errors);
  // The output folder is made before the org is contacted: a probe never fails after reading for nothing.
  const folder = options.output ? path.dirname(options.output) : DEFAULT_DIR;
  writeOrFail(options.output ?? DEFAULT_DIR, () =>
    fs.mkdirSync(path.resolve(options.projectDir, folder), { recursive: true })
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
  writeOrFail(file, () => fs.writeFileSync(path.resolve(options.projectDir, file), written.text, { mode: 0o644 }));
  return { targetOrg: org.targetOrg, file, shape, unknown };
};
