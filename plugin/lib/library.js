// The library this plugin is a second face of: the repository's own build (`npm ci` runs `prepare`,
// which writes lib/). The plugin ships from a clone (`sf plugins link plugin`), so it reads the
// library beside it rather than a second, possibly different, installed copy: the standalone CLI and
// the plugin then always run the same code on the same vendor.json files.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The library is CommonJS. Declaring a command needs only the command specs (yargs and the spec
 * files, which load nothing heavy); running one needs the CLI's `main`, which loads the Salesforce
 * libraries only for the command that runs, as bin/vendor-access.js does.
 */
export const library = () => ({
  describeCommands: () => require('../../lib/commands/describeCommands.js').describeCommands(),
  main: (argv) => require('../../lib/cli.js').main(argv),
});
