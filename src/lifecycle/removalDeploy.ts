import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from '@salesforce/core';
import {
  ComponentSet,
  DestructiveChangesType,
  RegistryAccess,
  SourceComponent,
} from '@salesforce/source-deploy-retrieve';
import { renderSecuritySettings } from '../metadata';
import type { IpRange } from '../network';
import type { MetadataMember } from '../org/read';
import { DeployOutcome, deployComponentSet } from '../org/apply';

/**
 * One atomic deploy (rollbackOnError) that removes the vendor's metadata: the trusted-range list
 * without its ranges in package.xml (the list replaces the org's, so it is the org's own list minus
 * only the vendor's) and, with --restore-settings, the settings the vendor changed as the org had
 * them before onboarding, and its components in destructiveChangesPost.xml, which the org applies after
 * the package. Built by SDR; polled, retried and cancelable like every deploy.
 */
export const runRemovalDeploy = async (
  connection: Connection,
  removal: { components: MetadataMember[]; trustedRanges?: IpRange[]; settings?: Array<{ name: string; xml: string }> },
  options: { signal?: AbortSignal; pollIntervalMs?: number } = {}
): Promise<DeployOutcome> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-offboard-'));
  try {
    let components = new ComponentSet();
    const settings = [
      ...(removal.trustedRanges ? [{ name: 'Security', xml: renderSecuritySettings(removal.trustedRanges) }] : []),
      ...(removal.settings ?? []),
    ];
    if (settings.length) {
      fs.mkdirSync(path.join(dir, 'settings'));
      for (const s of settings) fs.writeFileSync(path.join(dir, 'settings', `${s.name}.settings-meta.xml`), s.xml);
      components = ComponentSet.fromSource(dir);
    }
    const registry = new RegistryAccess();
    for (const member of removal.components)
      components.add(
        new SourceComponent({ name: member.fullName, type: registry.getTypeByName(member.type) }),
        DestructiveChangesType.POST
      );
    return await deployComponentSet(connection, components, options);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
