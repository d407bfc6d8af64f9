/**
 * What `inspectCertificate` learns about one certificate. Plain JSON (strings, numbers, booleans),
 * so `--json`, the deploy record and `verify` can store or print it as is. Never holds key material.
 */
export type CertificateReport = {
  /** File name the certificate came from, used in messages; absent for in-memory input. */
  source?: string;
  /** DER input is accepted and reported; the External Client App needs PEM (see `certificateProblems`). */
  format: 'PEM' | 'DER';
  /** Distinguished name in certificate order, e.g. `CN=ISPM, O=Example`. */
  subject: string;
  issuer: string;
  /** Upper-case hex, as openssl prints it. */
  serialNumber: string;
  /** ISO 8601. */
  notBefore: string;
  /** ISO 8601. */
  notAfter: string;
  /** Whole days from `now` until `notAfter`; negative once expired. */
  daysLeft: number;
  /** `RSA`, `EC`, `RSA-PSS`, `ED25519`, ... (Node's `asymmetricKeyType`, upper-cased). */
  keyType: string;
  /** Modulus length for RSA, curve size for EC; 0 when unknown. */
  keyBits: number;
  /** e.g. `sha256WithRSAEncryption`, or the OID when unknown. */
  signatureAlgorithm: string;
  /** Colon-separated upper-case hex, as `openssl x509 -fingerprint -sha256` prints it. */
  sha256Fingerprint: string;
  /** Issuer equals subject and the certificate's own key verifies its signature. */
  selfSigned: boolean;
  /** Present only when a private key was given. */
  keyMatches?: boolean;
  /** File name of that private key, used in messages. */
  privateKeySource?: string;
  /** The certificate as PEM (converted when the input was DER). Public data. */
  pem: string;
};

/** An `error` fails `check` and `cert inspect`; a `warning` is reported. */
export type CertificateSeverity = 'error' | 'warning';

/** One finding about a report; `check` and `cert inspect` fail on any `error`. */
export type CertificateProblem = {
  severity: CertificateSeverity;
  /** SfError-style name, e.g. `CertificateExpiredError`, `CertificateExpiresSoonWarning`. */
  name: string;
  message: string;
  actions: string[];
};

/** Start warning this many days before a certificate expires. */
export const DEFAULT_CERT_WARN_DAYS = 30;
