import type { RunInput } from '../files';
import type { OrgValues } from './orgValues';

/** The files a run reads through its values: the values file and each certificate it names. No output may replace them. */
export const valuesInputs = (values: OrgValues): RunInput[] => [
  { file: values.file, what: 'the values file' },
  ...Object.values(values.vendors).flatMap((v) =>
    v.replacementFiles.map((f) => ({ file: f.from, what: `the certificate of vendors.${v.vendor}` }))
  ),
];
