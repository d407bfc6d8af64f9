import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SfProject } from '@salesforce/core';
import { ComponentSetBuilder, ComponentStatus, DeployResult } from '@salesforce/source-deploy-retrieve';
import { connectToSimulator } from './connect';
import type { OrgSimulator } from './index';

/**
 * Deploys a small source-format project through the real SDR (ComponentSetBuilder, MetadataApiDeploy)
 * and returns SDR's result: what `sf project deploy start` would show.
 */
export const deploySource = async (
  sim: OrgSimulator,
  files: Record<string, string>,
  options: { checkOnly?: boolean } = {}
): Promise<DeployResult> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-project-'));
  try {
    // sourceApiVersion always set: without it SDR asks the internet for the API version.
    fs.writeFileSync(
      path.join(dir, 'sfdx-project.json'),
      JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '64.0' })
    );
    for (const [file, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, 'force-app/main/default', file)), { recursive: true });
      fs.writeFileSync(path.join(dir, 'force-app/main/default', file), content);
    }
    SfProject.clearInstances();
    const set = await ComponentSetBuilder.build({ sourcepath: [path.join(dir, 'force-app')], projectDir: dir });
    const deploy = await set.deploy({
      usernameOrConnection: await connectToSimulator(sim),
      apiOptions: { checkOnly: options.checkOnly ?? false, rollbackOnError: true },
    });
    return await deploy.pollStatus(20, 60);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

/** The error texts of failed components, as SDR reports them. */
export const failures = (result: DeployResult): string[] =>
  result
    .getFileResponses()
    .filter((r) => r.state === ComponentStatus.Failed)
    .map((r) => `${r.type}:${r.fullName}: ${'error' in r ? r.error : ''}`);

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
export const permissionSet = (label: string, perms: string[], extra = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet ${NS}>\n    <label>${label}</label>\n${extra}${perms
    .map(
      (p) =>
        `    <userPermissions>\n        <enabled>true</enabled>\n        <name>${p}</name>\n    </userPermissions>\n`
    )
    .join('')}</PermissionSet>\n`;
export const security = (ranges: Array<[string, string, string]>): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<SecuritySettings ${NS}>\n    <networkAccess>\n${ranges
    .map(
      ([s, e, d]) =>
        `        <ipRanges>\n            <description>${d}</description>\n            <end>${e}</end>\n            <start>${s}</start>\n        </ipRanges>\n`
    )
    .join('')}    </networkAccess>\n</SecuritySettings>\n`;
export const xml = (root: string, body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root} ${NS}>\n${body}</${root}>\n`;
