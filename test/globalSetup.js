// Runs in jest's parent process before any worker: os.homedir() in workers then points at a
// throwaway folder, so @salesforce/core never reads or writes the developer's real ~/.sf or ~/.sfdx.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-home-'));
  process.env.VENDOR_ACCESS_TEST_HOME = home;
  process.env.HOME = home;
  process.env.USERPROFILE = home;
  process.env.SF_DISABLE_LOG_FILE = 'true';
  process.env.SF_DISABLE_TELEMETRY = 'true';
  process.env.SF_SKIP_NEW_VERSION_CHECK = 'true';
  process.env.SF_USE_GENERIC_UNIX_KEYCHAIN = 'true';
  process.env.VENDOR_ACCESS_POLL_INTERVAL_MS = '20';
};
