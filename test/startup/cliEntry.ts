// The CLI from source, as bin/vendor-access.js runs it from lib/ (spawned through scripts/run-ts.js).
import { main } from '../../src/cli';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
