import fs from 'node:fs';
import path from 'node:path';
import { generateCertificate } from '../../src/certificate';
import { setJson } from './projectCopy';
import { run } from './simulatedOrg';

/**
 * Deploys ISPM to the simulated org `prod` with a certificate of our own standing in for the
 * vendor's, so a test can log in as the vendor would: returns the matching private key's file (0600).
 */
export const deployIspmWithOwnKey = async (projectDir: string): Promise<string> => {
  const ours = await generateCertificate({ commonName: 'ispm-test' });
  fs.writeFileSync(path.join(projectDir, 'config/certs/jwt.crt'), ours.certificatePem);
  const keyFile = path.join(projectDir, 'out-test-server.key');
  fs.writeFileSync(keyFile, ours.privateKeyPem, { mode: 0o600 });
  setJson(projectDir, 'config/orgs/example.json', 'vendors.ispm.serverCertificate', 'config/certs/jwt.crt');
  const deployed = await run('deploy', '-o', 'prod', '--values', 'config/orgs/example.json', '--vendor', 'ispm');
  if (deployed.code !== 0) throw new Error(`the ISPM deploy the test needs failed:\n${deployed.out}`);
  return keyFile;
};
