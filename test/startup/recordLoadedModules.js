// Preloaded (node -r) into a CLI process by loadOnDemand.test.ts: at exit, writes every module
// file the process loaded to the file named by VENDOR_ACCESS_LOADED_MODULES, one per line.
'use strict';
const fs = require('node:fs');

process.on('exit', () => {
  fs.writeFileSync(process.env.VENDOR_ACCESS_LOADED_MODULES, Object.keys(require.cache).join('\n'));
});
