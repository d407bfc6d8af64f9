import fs from 'node:fs';
import { serveFromArgs } from './serveFromArgs';

/**
 * `npm run simulator`: a simulated org for hands-on use with the sf CLI or vendor-access. It prints
 * the instance URL and the token, writes them to out/simulator.env as shell exports, and stops by
 * itself after 10 minutes without a request. Options: see serveFromArgs.
 */
const main = async (): Promise<void> => {
  const served = await serveFromArgs(process.argv.slice(2));
  // However the process ends (Ctrl-C, a CI runner's SIGTERM, the idle stop), the env file goes.
  process.once('exit', () => fs.rmSync(served.envFile, { force: true }));
  process.stdout.write(served.banner);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void served.stop().then(() => process.exit(0)));
};

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
