const fs = require('node:fs');

module.exports = async () => {
  const home = process.env.VENDOR_ACCESS_TEST_HOME;
  if (home) fs.rmSync(home, { recursive: true, force: true });
};
