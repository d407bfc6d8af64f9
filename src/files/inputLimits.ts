/**
 * How much input vendor-access reads, stated once. These are this project's bounds, not
 * Salesforce's: each is far above any real input (a values file is a few hundred bytes, a PEM
 * certificate about 2 KB) and low enough that a wrong path (a log file, /dev/zero) is refused
 * in milliseconds instead of read for minutes.
 */
export const INPUT_LIMITS = {
  /** A values file (config/orgs/<org>.json). */
  valuesFileBytes: 1024 * 1024,
  /** A fleet file (config/fleet.json): about 100 bytes an org, so some 40,000 orgs. */
  fleetFileBytes: 4 * 1024 * 1024,
  /** A certificate file named in a values file or passed to `cert inspect`. */
  certificateFileBytes: 64 * 1024,
  /** A private key file (`verify --private-key`, `cert inspect --private-key`). */
  privateKeyFileBytes: 64 * 1024,
  /** A vendor.json catalogue entry or a file under force-app/ (a static resource may be 5 MB). */
  projectFileBytes: 16 * 1024 * 1024,
  /** A record under out/lifecycle/ (a suspend revoking 2,500 tokens writes about 1 MB). */
  lifecycleRecordBytes: 16 * 1024 * 1024,
  /** Trusted ranges in one list (a values file's list, or a vendor's published list). */
  trustedRanges: 1000,
} as const;
