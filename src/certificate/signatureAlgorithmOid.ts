import { loadMessages } from '../messages';

const internal = loadMessages('internal');

/** One DER element: its tag, where its content starts, and where it ends. */
type Element = { tag: number; start: number; end: number };

const readElement = (der: Buffer, at: number): Element => {
  const tag = der[at];
  let length = der[at + 1];
  if (tag === undefined || length === undefined)
    throw internal.createError('error.NotAnX509Certificate', ['truncated DER']);
  let start = at + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes < 1 || bytes > 4) throw internal.createError('error.NotAnX509Certificate', ['unsupported DER length']);
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + (der[start + i] ?? 0);
    start += bytes;
  }
  if (start + length > der.length) throw internal.createError('error.NotAnX509Certificate', ['truncated DER']);
  return { tag, start, end: start + length };
};

/** The dotted form of a DER OBJECT IDENTIFIER's content bytes. */
const dottedOid = (bytes: Buffer): string => {
  const first = bytes[0] ?? 0;
  const parts = [Math.floor(first / 40), first % 40];
  let value = 0;
  for (const byte of bytes.subarray(1)) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
};

/**
 * The signature algorithm OID of a DER certificate (Certificate ::= SEQUENCE { tbsCertificate,
 * signatureAlgorithm AlgorithmIdentifier, signature }; RFC 5280 4.1), read without node-forge so
 * that `check` and `cert inspect` do not load it only for this.
 */
export const signatureAlgorithmOid = (der: Buffer): string => {
  const certificate = readElement(der, 0);
  const tbs = readElement(der, certificate.start);
  const algorithm = readElement(der, tbs.end);
  const oid = readElement(der, algorithm.start);
  if (certificate.tag !== 0x30 || tbs.tag !== 0x30 || algorithm.tag !== 0x30 || oid.tag !== 0x06)
    throw internal.createError('error.NotAnX509Certificate', ['not an X.509 certificate']);
  return dottedOid(der.subarray(oid.start, oid.end));
};

/** forge's names (pki.oids) for the algorithms certificates use; any other OID asks forge. */
export const COMMON_SIGNATURE_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
};
