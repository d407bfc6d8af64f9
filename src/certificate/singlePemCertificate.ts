import { X509Certificate } from 'node:crypto';
import { messages } from './messages';
import { DEFAULT_SOURCE } from './parseCertificate';

const BLOCK = /-----BEGIN (X509 )?CERTIFICATE-----[\s\S]*?-----END \1CERTIFICATE-----/g;

/** 1-based line of `offset` in `text`, for a message that points at the stray text without quoting it. */
const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/**
 * The certificate as it may travel into metadata: the file must hold exactly one
 * `-----BEGIN CERTIFICATE-----` block and nothing but whitespace around it (text before or after it,
 * such as the "Bag Attributes" lines some tools write, would otherwise be copied too). The result is
 * re-encoded from the parsed DER, never the file's bytes, so nothing in the block's text but the
 * certificate itself survives.
 *
 * @throws CertificateExtraContentError, and the errors of `parseCertificate` for the block itself
 */
export const singlePemCertificate = (text: string, source = DEFAULT_SOURCE): string => {
  const blocks = [...text.matchAll(BLOCK)];
  const [only] = blocks;
  if (!only || blocks.length !== 1) throw messages.createError('error.CertificateExtraContent', [source, 1]);
  const start = only.index ?? 0;
  const end = start + only[0].length;
  const before = /\S/.exec(text.slice(0, start));
  if (before) throw messages.createError('error.CertificateExtraContent', [source, lineAt(text, before.index)]);
  const after = /\S/.exec(text.slice(end));
  if (after) throw messages.createError('error.CertificateExtraContent', [source, lineAt(text, end + after.index)]);
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(only[0]);
  } catch {
    throw messages.createError('error.CertificateUnparseable', [
      source,
      'the block is not a DER certificate in base64',
    ]);
  }
  const base64 = certificate.raw.toString('base64').replace(/.{64}(?=.)/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`;
};
