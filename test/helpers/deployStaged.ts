import path from 'node:path';
import { SfProject } from '@salesforce/core';
import { ComponentSetBuilder, DeployResult } from '@salesforce/source-deploy-retrieve';
import type { OrgSimulator } from '../org-simulator';
import { connectToSimulator } from '../org-simulator/connect';

/**
 * What `sf project deploy start --source-dir <source>` does with a staged folder: the real SDR,
 * reading the folder's own sfdx-project.json, deploying to the simulated org.
 */
export const deployStaged = async (sim: OrgSimulator, dir: string, source = 'force-app'): Promise<DeployResult> => {
  SfProject.clearInstances();
  const set = await ComponentSetBuilder.build({ sourcepath: [path.join(dir, source)], projectDir: dir });
  const deploy = await set.deploy({
    usernameOrConnection: await connectToSimulator(sim),
    apiOptions: { rollbackOnError: true },
  });
  return deploy.pollStatus(20, 60);
};
