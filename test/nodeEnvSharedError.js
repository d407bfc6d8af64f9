// Errors thrown by node:fs come from the outer realm; @salesforce/core's `instanceof Error` checks
// fail inside jest's sandbox unless the sandbox shares the outer Error (jest#2549).
const { TestEnvironment } = require('jest-environment-node');

class NodeEnvSharedError extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.Error = Error;
  }
}

module.exports = NodeEnvSharedError;
