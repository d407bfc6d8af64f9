/**
 * Every environment variable vendor-access reads, declared once. Values files can be overridden by
 * the variables their vendor.json names (e.g. ISPM_CONTACT_EMAIL); those are listed in vendor.json.
 */
export const ENV_VARS = {
  SF_ORG_INSTANCE_URL: 'Instance URL to use when --target-org is an access token (as the sf CLI reads it).',
  VENDOR_ACCESS_POLL_INTERVAL_MS:
    'Longest wait in milliseconds between deploy status polls; polls start at 100 ms and double up to it (default 1000).',
  VENDOR_ACCESS_DEBUG: 'Set to print stack traces with errors.',
  SF_DISABLE_LOG_FILE:
    "@salesforce/core's switch for its log file under ~/.sf; when unset, check keeps core's log in memory and org commands write the file.",
} as const;

/** The longest wait between deploy status polls: the env override, else a second (the sf CLI's fixed interval). */
export const pollIntervalMs = (env: NodeJS.ProcessEnv = process.env): number => {
  const value = Number(env.VENDOR_ACCESS_POLL_INTERVAL_MS);
  return Number.isFinite(value) && value > 0 ? value : 1000;
};
