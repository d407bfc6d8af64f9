import { X509Certificate, createPrivateKey } from 'node:crypto';
import { messages } from './messages';

export type ParsedCertificate = { certificate: X509Certificate; format: 'PEM' | 'DER' };

// Labels are matched, never echoed raw: only upper-case words can reach a message.
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]{1,40})-----[\s\S]*?-----END \1-----/g;

/** Default name for in-memory input in messages. */
export const DEFAULT_SOURCE = 'The certificate';

/**
 * Reads exactly one X.509 certificate from PEM text or DER bytes, and says which one it was.
 * Everything else is a named SfError that never quotes the input: it may be a private key.
 *
 * @throws EmptyCertificateError, PrivateKeyNotCertificateError, CertificateChainError,
 * UnexpectedPemBlockError, CertificateUnparseableError, NotACertificateError
 */
export const parseCertificate = (input: Buffer | string, source = DEFAULT_SOURCE): ParsedCertificate => {
  const text = typeof input === 'string' ? input : input.toString('latin1');
  if (text.trim() === '') throw messages.createError('error.EmptyCertificate', [source]);

  const blocks = [...text.matchAll(PEM_BLOCK)].map((match) => ({ label: match[1] ?? '', pem: match[0] }));
  // A key next to a certificate (a combined .pem) is still refused: the file would carry the key
  // into the External Client App's replacement.
  if (blocks.some((block) => block.label.endsWith('PRIVATE KEY'))) {
    throw messages.createError('error.PrivateKeyNotCertificate', [source]);
  }
  const certificates = blocks.filter((block) => block.label === 'CERTIFICATE' || block.label === 'X509 CERTIFICATE');
  if (certificates.length > 1) throw messages.createError('error.CertificateChain', [source, certificates.length]);
  const [only] = certificates;
  if (only) {
    try {
      return { certificate: new X509Certificate(only.pem), format: 'PEM' };
    } catch (err) {
      throw messages.createError('error.CertificateUnparseable', [source, errorReason(err)]);
    }
  }
  const [other] = blocks;
  if (other) throw messages.createError('error.UnexpectedPemBlock', [source, other.label]);
  if (typeof input !== 'string' && !text.includes('-----BEGIN')) return parseDer(input, source);
  throw messages.createError('error.NotACertificate', [source]);
};

const parseDer = (bytes: Buffer, source: string): ParsedCertificate => {
  try {
    return { certificate: new X509Certificate(bytes), format: 'DER' };
  } catch {
    // Not a certificate; a DER private key gets its own error so nobody uploads it anywhere.
  }
  if (isDerPrivateKey(bytes)) throw messages.createError('error.PrivateKeyNotCertificate', [source]);
  throw messages.createError('error.NotACertificate', [source]);
};

const isDerPrivateKey = (bytes: Buffer): boolean =>
  (['pkcs8', 'pkcs1', 'sec1'] as const).some((type) => {
    try {
      createPrivateKey({ key: bytes, format: 'der', type });
      return true;
    } catch {
      return false;
    }
  });

/**
 * A plain-words reason for a block OpenSSL cannot read. OpenSSL's own text ("PEM routines::bad end
 * line", "DECODER routines::unsupported") never reaches a user; it describes the structure only.
 */
const errorReason = (err: unknown): string => {
  const message = err instanceof Error ? err.message : String(err);
  if (/bad end line|no start line/i.test(message)) return 'its BEGIN/END lines are damaged or indented';
  if (/base64|bad decode/i.test(message)) return 'its base64 text is damaged';
  if (/asn1|header too long|too long|nested/i.test(message))
    return 'its content is not an X.509 certificate or is truncated';
  return 'the block cannot be decoded';
};
