import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../output/problem';

export type CertificateValueOptions = { projectDir: string; file: string; field: string; now?: Date; warnDays?: number };

/** Checks a certificate file named in a values file. */
export const checkCertificateValue = async (value: string, options: CertificateValueOptions): Promise<Problem[]> => {
  const absolute = path.resolve(options.projectDir, value);
  if (!fs.existsSync(absolute)) {
    return [{ severity: 'error', file: options.file, field: options.field, message: `certificate file "${value}" does not exist`, fix: 'Name the server.crt file the vendor gave you, relative to the project root.' }];
  }
  return [];
};
