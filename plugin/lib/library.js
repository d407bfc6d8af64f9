// The library this plugin is a second face of: the repository's own build (`npm ci` runs `prepare`,
// which writes lib/). The plugin ships from a clone (`sf plugins link plugin`), so it reads the
// library beside it rather than a second, possibly different, installed copy: the standalone CLI and
// the plugin then always run the same code on the same vendor.json files.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The library is CommonJS; it is loaded when a command runs, not when oclif lists the commands. */
export const library = () => require('../../lib/index.js');
