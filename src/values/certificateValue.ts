import path from 'node:path';
import { SfError } from '@salesforce/core';
import { checkCertificateFile } from '../certificate';
import type { Problem } from '../output/problem';

export type CertificateValueOptions = { projectDir: string; file: string; field: string; now?: Date; warnDays?: number };

/**
 * Checks a certificate file named in a values file with the certificate library: one PEM X.509
 * certificate (the replacement copies its text into XML, so DER is refused), not a key, valid now,
 * RSA ≥ 2048; a warning when it expires within `warnDays`. Key material is never echoed.
 */
export const checkCertificateValue = async (value: string, options: CertificateValueOptions): Promise<Problem[]> => {
  const at = { file: options.file, field: options.field };
  const absolute = path.resolve(options.projectDir, value);
  // Messages name the file as the user wrote it, not this machine's absolute path.
  const relative = (text: string): string => text.split(absolute).join(value);
  try {
    const { problems } = await checkCertificateFile(absolute, {
      requirePem: true,
      ...(options.now ? { now: options.now } : {}),
      ...(options.warnDays === undefined ? {} : { warnDays: options.warnDays }),
    });
    return problems.map((p) => ({ severity: p.severity, ...at, message: relative(p.message), fix: relative(p.actions.join(' ')) }));
  } catch (err) {
    const e = SfError.wrap(err instanceof Error ? err : String(err));
    return [{ severity: 'error', ...at, message: relative(e.message), fix: (e.actions ?? []).join(' ') || 'Name the server.crt file the vendor gave you, relative to the project root.' }];
  }
};
