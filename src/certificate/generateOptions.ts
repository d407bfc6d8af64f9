import { messages } from './messages';

export type CertificateKeyBits = 2048 | 3072 | 4096;

export type GenerateCertificateOptions = {
  /** Subject CN, e.g. the integration's name. */
  commonName: string;
  organization?: string | undefined;
  organizationalUnit?: string | undefined;
  /** Two letters, e.g. `US`. */
  country?: string | undefined;
  /** RSA modulus length. Default 2048. */
  bits?: CertificateKeyBits;
  /** Validity in days, 1 to 3650. Default 365: short on purpose, Salesforce never warns on expiry. */
  days?: number;
  /** Issue time; tests inject it. Default: the current time. */
  now?: Date;
};

export const DEFAULT_CERT_BITS: CertificateKeyBits = 2048;
export const DEFAULT_CERT_DAYS = 365;
const KEY_BITS: readonly number[] = [2048, 3072, 4096];
const MAX_DAYS = 3650;
// X.520 upper bound for CN, O and OU.
const MAX_ATTRIBUTE_LENGTH = 64;

/**
 * Checks every generate option and lists every problem in one error, before any key is made.
 * Values are never echoed: a mistyped flag could hold anything.
 *
 * @throws InvalidCertificateOptionsError
 */
export const validateGenerateOptions = (options: GenerateCertificateOptions): void => {
  const problems: string[] = [];
  if (!isAttribute(options.commonName)) problems.push(messages.getMessage('invalid.CommonName'));
  for (const [flag, value] of [
    ['--organization', options.organization],
    ['--organizational-unit', options.organizationalUnit],
  ] as const) {
    if (value !== undefined && !isAttribute(value)) problems.push(messages.getMessage('invalid.Attribute', [flag]));
  }
  if (options.country !== undefined && !/^[A-Z]{2}$/.test(options.country)) {
    problems.push(messages.getMessage('invalid.Country'));
  }
  if (options.bits !== undefined && !KEY_BITS.includes(options.bits))
    problems.push(messages.getMessage('invalid.Bits'));
  const days = options.days;
  if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= MAX_DAYS)) {
    problems.push(messages.getMessage('invalid.Days'));
  }
  if (options.now !== undefined && Number.isNaN(options.now.getTime()))
    problems.push(messages.getMessage('invalid.Now'));
  if (problems.length) throw messages.createError('error.InvalidCertificateOptions', [problems.join('; ')]);
};

const isAttribute = (value: string): boolean =>
  value.trim().length > 0 && value.length <= MAX_ATTRIBUTE_LENGTH && !/\p{Cc}/u.test(value);
