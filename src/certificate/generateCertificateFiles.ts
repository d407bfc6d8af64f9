import type { CertificateReport } from './certificateReport';
import { generateCertificate } from './generateCertificate';
import type { GenerateCertificateOptions } from './generateOptions';
import { validateGenerateOptions } from './generateOptions';
import type { WriteCertificateOptions, WrittenCertificateFiles } from './writeCertificateFiles';
import { planCertificateFiles, writeCertificateFiles } from './writeCertificateFiles';

/** What `cert generate` reports: where the files went and what the certificate is. No key material. */
export type GeneratedCertificateFiles = WrittenCertificateFiles & { certificate: CertificateReport };

/**
 * `cert generate` in one call: checks the options and the destination first (so a bad
 * `--output-dir` fails before any key exists), then generates and writes the pair.
 *
 * @throws the errors of `validateGenerateOptions`, `planCertificateFiles`, `generateCertificate`
 * and `writeCertificateFiles`
 */
export const generateCertificateFiles = async (
  outputDir: string,
  options: GenerateCertificateOptions & WriteCertificateOptions
): Promise<GeneratedCertificateFiles> => {
  const { force, projectDir, ...certificateOptions } = options;
  const writeOptions: WriteCertificateOptions = {
    ...(force === undefined ? {} : { force }),
    ...(projectDir === undefined ? {} : { projectDir }),
  };
  validateGenerateOptions(certificateOptions);
  await planCertificateFiles(outputDir, writeOptions);
  const generated = await generateCertificate(certificateOptions);
  const written = await writeCertificateFiles(outputDir, generated, writeOptions);
  return { ...written, certificate: generated.report };
};
