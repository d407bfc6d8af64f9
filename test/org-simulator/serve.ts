import { BuiltInShape, ShapeFileError, startOrgSimulator } from './index';

/**
 * `npm run simulator`: a simulated org for hands-on use with the sf CLI or vendor-access. It prints
 * the instance URL and the token, and stops by itself after 10 minutes without a request.
 * Options: --shape enterprise|enterprise-shield|enterprise-sandbox|developer, --shape-file <file> (a
 * shape file, e.g. one `vendor-access probe` wrote), --sandbox <name>, --idle-minutes N.
 */
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] ?? fallback : fallback;
};

const main = async (): Promise<void> => {
  const shape = arg('shape', 'enterprise-shield') as BuiltInShape;
  const shapeFile = arg('shape-file', '');
  const idleMinutes = Number(arg('idle-minutes', '10'));
  const sandbox = arg('sandbox', '');
  const sim = await startOrgSimulator({
    shape,
    ...(shapeFile ? { shapeFile } : {}),
    ...(sandbox ? { sandbox: { name: sandbox } } : {}),
    idleTimeoutMs: idleMinutes * 60_000,
  });
  process.stdout.write(
    [
      `Simulated ${shapeFile ? `org from ${shapeFile} (${sim.state.shape.name})` : `${shape} org`} at ${
        sim.instanceUrl
      } (org ${sim.orgId}, user ${sim.username})`,
      `Access token: ${sim.accessToken}`,
      '',
      'With the sf CLI:',
      `  SF_ACCESS_TOKEN='${sim.accessToken}' sf org login access-token --instance-url ${sim.instanceUrl} --no-prompt --alias sim`,
      'With vendor-access (no login needed):',
      `  SF_ORG_INSTANCE_URL=${sim.instanceUrl} npx vendor-access plan -o '${sim.accessToken}' --values config/orgs/example.json`,
      '',
      `Stops after ${idleMinutes} minute(s) without a request, or on Ctrl-C.`,
      '',
    ].join('\n')
  );
  process.once('SIGINT', () => void sim.stop().then(() => process.exit(0)));
};

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ShapeFileError ? err.message : String(err)}\n`);
  process.exit(1);
});
