// Errors thrown by node:fs come from the outer realm; @salesforce/core's `instanceof Error` checks
// fail inside jest's sandbox unless the sandbox shares the outer Error (jest#2549).
// This class also runs in each worker's real process (not the sandbox), so it gives every worker
// its own HOME under the run's throwaway one: tests in parallel workers log in to simulated orgs
// under the same aliases, and a shared sf auth store would let one worker's alias point at
// another worker's org.
const fs = require('node:fs');
const path = require('node:path');
const { TestEnvironment } = require('jest-environment-node');

class NodeEnvSharedError extends TestEnvironment {
  constructor(config, context) {
    const base = process.env.VENDOR_ACCESS_TEST_HOME;
    if (base) {
      const home = path.join(base, `worker-${process.env.JEST_WORKER_ID ?? '1'}`);
      fs.mkdirSync(home, { recursive: true });
      process.env.HOME = home;
      process.env.USERPROFILE = home;
    }
    super(config, context);
    this.global.Error = Error;
  }
}

module.exports = NodeEnvSharedError;
