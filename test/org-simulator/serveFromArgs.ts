import fs from 'node:fs';
import path from 'node:path';
import { BuiltInShape, OrgSimulator, startOrgSimulator } from './index';

export type ServedSimulator = {
  sim: OrgSimulator;
  /** The shell exports file (absolute), removed by `stop`. */
  envFile: string;
  /** What `npm run simulator` prints: where the org is and how to reach it. */
  banner: string;
  stop: () => Promise<void>;
};

/**
 * `npm run simulator`'s work, apart from the process it runs in (so a test can run it as the
 * README's reader does): start the simulated org the arguments describe, and write its instance
 * URL and token as shell exports to an env file, so the README's commands can be pasted as they
 * are (`. out/simulator.env`). Arguments: --shape enterprise|enterprise-shield|enterprise-sandbox|
 * developer, --shape-file <file> (a shape file, e.g. one `vendor-access probe` wrote), --sandbox
 * <name>, --idle-minutes N, --exports-file <file> (default out/simulator.env, from `cwd`).
 */
export const SERVE_OPTIONS = ['shape', 'shape-file', 'sandbox', 'idle-minutes', 'exports-file'] as const;

export const serveFromArgs = async (args: string[], cwd = process.cwd()): Promise<ServedSimulator> => {
  // Each option takes a value; anything else is a typo that would otherwise be ignored silently.
  for (let i = 0; i < args.length; i += 2) {
    const given = args[i] ?? '';
    const name = given.replace(/^--/, '');
    if (!given.startsWith('--') || !(SERVE_OPTIONS as readonly string[]).includes(name) || args[i + 1] === undefined)
      throw new Error(
        `Unknown or incomplete option "${given}": use ${SERVE_OPTIONS.map((o) => `--${o} <value>`).join(', ')}.`
      );
  }
  const arg = (name: string, fallback: string): string => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] ?? fallback : fallback;
  };
  const shape = arg('shape', 'enterprise-shield') as BuiltInShape;
  const shapeFile = arg('shape-file', '');
  const idleMinutes = Number(arg('idle-minutes', '10'));
  const sandbox = arg('sandbox', '');
  const envFile = path.resolve(cwd, arg('exports-file', path.join('out', 'simulator.env')));
  const sim = await startOrgSimulator({
    shape,
    ...(shapeFile ? { shapeFile: path.resolve(cwd, shapeFile) } : {}),
    ...(sandbox ? { sandbox: { name: sandbox } } : {}),
    idleTimeoutMs: idleMinutes * 60_000,
  });
  // The token is the simulator's own (a local org, nothing real), but a token all the same: 0600.
  fs.mkdirSync(path.dirname(envFile), { recursive: true });
  fs.writeFileSync(
    envFile,
    `export SF_ORG_INSTANCE_URL='${sim.instanceUrl}'\nexport SIM_ACCESS_TOKEN='${sim.accessToken}'\n`,
    { mode: 0o600 }
  );
  const shown = path.relative(cwd, envFile);
  const banner = [
    `Simulated ${shapeFile ? `org from ${shapeFile} (${sim.state.shape.name})` : `${shape} org`} at ${
      sim.instanceUrl
    } (org ${sim.orgId}, user ${sim.username})`,
    `Access token: ${sim.accessToken}`,
    '',
    'With the sf CLI:',
    `  SF_ACCESS_TOKEN='${sim.accessToken}' sf org login access-token --instance-url ${sim.instanceUrl} --no-prompt --alias sim`,
    'With vendor-access (no login needed):',
    `  SF_ORG_INSTANCE_URL=${sim.instanceUrl} npx vendor-access plan -o '${sim.accessToken}' --values config/orgs/example.json`,
    `Or, from another terminal in the project, with the two as shell exports from ${shown}:`,
    `  . ${shown}`,
    '  npx vendor-access plan -o "$SIM_ACCESS_TOKEN" --values config/orgs/example.json',
    '',
    `Stops after ${idleMinutes} minute(s) without a request, or on Ctrl-C.`,
    '',
  ].join('\n');
  return {
    sim,
    envFile,
    banner,
    // A stopped simulator's token is worth nothing: the file goes with it.
    stop: async (): Promise<void> => {
      fs.rmSync(envFile, { force: true });
      await sim.stop();
    },
  };
};
