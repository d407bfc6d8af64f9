import path from 'node:path';
import { type OutputContext, prepareOutputFolder, writeOutputFile } from '../files';

/**
 * The one writer of run records (out/deploys/, out/lifecycle/, out/activity/): `<id>-<kind>-<time>.json`
 * in `dir`, pretty JSON ending in a newline, written by the one output rule (writeOutputFile: never in
 * the source, onto an input or through a link); returns the file's path relative to the project with
 * `/` separators, as outputs and other records name it. `at` is the ISO time the record is about.
 *
 * @throws the errors of writeOutputFile: callers that run after an org changed report them beside the result
 */
export const writeRunRecord = (
  projectDir: string,
  dir: string,
  name: { id: string; kind: string; at: string; label?: string },
  body: unknown
): string => {
  const file = path.join(path.resolve(dir), `${name.id}-${name.kind}-${name.at.replace(/[:.]/g, '-')}.json`);
  const given = path.relative(projectDir, file).split(path.sep).join('/');
  writeOutputFile(
    {
      label: name.label ?? `the ${name.kind} record`,
      given,
      absolute: file,
      kind: 'file',
      existing: { replace: 'always' },
    },
    { projectDir },
    `${JSON.stringify(body, undefined, 2)}\n`
  );
  return given;
};

/**
 * Checks a record folder by the one output rule and makes it, before any org is contacted: a run
 * whose records cannot be kept stops before anything changes. Returns the folder's real path.
 */
export const prepareRecordFolder = (dir: string, label: string, context: OutputContext): string =>
  prepareOutputFolder(
    {
      label,
      given: path.relative(context.projectDir, dir).split(path.sep).join('/'),
      absolute: dir,
      kind: 'folder',
      existing: { holds: 'anything' },
    },
    context
  );
