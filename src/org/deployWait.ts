/**
 * How long a deploy is waited for by default, in minutes: `deploy --wait`'s default, and the `--wait`
 * that `stage` prints for `sf project deploy start`, so both wait alike. Our choice, not Salesforce's:
 * sf's own default is 33 minutes (`sf project deploy start --wait`).
 */
export const DEFAULT_WAIT_MINUTES = 33;
