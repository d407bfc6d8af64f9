import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from '@salesforce/core';
import { ComponentSet } from '@salesforce/source-deploy-retrieve';
import { selectText, parseMetadataXml } from '../metadata';
import { listOrgMetadata, retrieveOrgMetadata } from '../org/read';
import { DeployOutcome, deployComponentSet } from '../org/apply';

/** The app's ExtlClntAppConfigurablePolicies record, whose required `isEnabled` turns the app on or off. */
export type AppPolicy = { app: string; policy: string; enabled: boolean; xml: string };

const TYPE = 'ExtlClntAppConfigurablePolicies';

/**
 * Finds the policy record the org holds for the app (the org names it when the app is first saved,
 * so it is found by its externalClientApplication, not by our file name). Undefined when the org
 * has no such app.
 */
export const findAppPolicy = async (connection: Connection, app: string): Promise<AppPolicy | undefined> => {
  const names = (await listOrgMetadata(connection, [TYPE])).get(TYPE) ?? [];
  const candidates = names.filter((n) => n.startsWith(`${app}_`));
  if (!candidates.length) return undefined;
  const files = await retrieveOrgMetadata(
    connection,
    candidates.map((fullName) => ({ type: TYPE, fullName }))
  );
  for (const [file, xml] of files) {
    const parsed = parseMetadataXml(xml);
    if (!parsed.ok || selectText(parsed.node, 'externalClientApplication') !== app) continue;
    const policy = path.basename(file).replace(/\.ecaPlcy$/, '');
    return { app, policy, enabled: selectText(parsed.node, 'isEnabled') === 'true', xml };
  }
  return undefined;
};

/** The retrieved policy with only `isEnabled` changed; every other element is sent back as the org holds it. */
export const withEnabled = (xml: string, enabled: boolean): string =>
  xml.replace(/<isEnabled>\s*(true|false)\s*<\/isEnabled>/, `<isEnabled>${String(enabled)}</isEnabled>`);

/** Deploys the policy with `isEnabled` set, through SDR like every other deploy (atomic, polled, cancelable). */
export const deployAppEnabled = async (
  connection: Connection,
  policy: AppPolicy,
  enabled: boolean,
  options: { signal?: AbortSignal; pollIntervalMs?: number } = {}
): Promise<DeployOutcome> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-app-'));
  try {
    const folder = path.join(dir, 'extlClntAppPolicies');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, `${policy.policy}.ecaPlcy-meta.xml`), withEnabled(policy.xml, enabled));
    const components = ComponentSet.fromSource(dir);
    return await deployComponentSet(connection, components, options);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
