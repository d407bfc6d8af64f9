/**
 * Every environment variable vendor-access reads, declared once. Values files can be overridden by
 * the variables their vendor.json names (e.g. ISPM_CONTACT_EMAIL); those are listed in vendor.json.
 */
export const ENV_VARS = {
  SF_ORG_INSTANCE_URL: 'Instance URL to use when --target-org is an access token (as the sf CLI reads it).',
  VENDOR_ACCESS_POLL_INTERVAL_MS: 'Milliseconds between deploy status polls (default 1000).',
  VENDOR_ACCESS_DEBUG: 'Set to print stack traces with errors.',
} as const;

/** Deploy status poll interval: the env override, else a second (what the sf CLI uses). */
export const pollIntervalMs = (env: NodeJS.ProcessEnv = process.env): number => {
  const value = Number(env.VENDOR_ACCESS_POLL_INTERVAL_MS);
  return Number.isFinite(value) && value > 0 ? value : 1000;
};
