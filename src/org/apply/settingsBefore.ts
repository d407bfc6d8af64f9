import fs from 'node:fs';
import path from 'node:path';
import type { Connection } from '@salesforce/core';
import { parseMetadataXml } from '../../metadata';
import { retrieveOrgMetadata } from '../read/retrieveOrgMetadata';
import { peekRetrieved } from '../read/retrievedOnce';

/**
 * The org's values of the settings a vendor changes (Event Monitoring), as they were before the
 * first deploy: `out/lifecycle/<org id>-settings-before.json`, written once per settings name and
 * never overwritten, so `offboard --restore-settings` can put back what the org had.
 */
export type SettingsBefore = { orgId: string; recorded: Record<string, { at: string; xml: string | null }> };

const fileOf = (outDir: string, orgId: string): string =>
  path.join(outDir, 'lifecycle', `${orgId}-settings-before.json`);

export const readSettingsBefore = (outDir: string, orgId: string): SettingsBefore | undefined => {
  const file = fileOf(outDir, orgId);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as SettingsBefore) : undefined;
};

/** Settings names (Event, RealTimeEvent) in a vendor's metadata files other than SecuritySettings. */
export const vendorSettingsNames = (files: Iterable<string>): string[] => [
  ...new Set(
    [...files]
      .map((f) => /settings\/(\w+)\.settings-meta\.xml$/.exec(f)?.[1])
      .filter((n): n is string => Boolean(n) && n !== 'Security')
  ),
];

/**
 * Called by deploy before it changes an org: retrieves the settings not yet recorded for this org
 * and records them (null: the org returned none). Read-only towards the org; a failure to read is
 * returned as a note and never stops the deploy.
 */
export const recordSettingsBefore = async (
  connection: Connection,
  outDir: string,
  orgId: string,
  names: string[]
): Promise<string | undefined> => {
  const current = readSettingsBefore(outDir, orgId) ?? { orgId, recorded: {} };
  const missing = names.filter((n) => !(n in current.recorded));
  if (!missing.length) return undefined;
  try {
    const members = missing.map((fullName) => ({ type: 'Settings', fullName }));
    // Deploy calls this after its analysis, whose one retrieve already holds these settings.
    const files = peekRetrieved(connection, members) ?? (await retrieveOrgMetadata(connection, members));
    const at = new Date().toISOString();
    for (const name of missing) current.recorded[name] = { at, xml: files.get(`settings/${name}.settings`) ?? null };
    // deployOrgs checked and made out/lifecycle/ before contacting any org.
    fs.writeFileSync(fileOf(outDir, orgId), `${JSON.stringify(current, undefined, 2)}\n`);
    return undefined;
  } catch (err) {
    return `could not record the org's ${missing.join(', ')} settings before deploying (${
      (err as Error).message
    }); offboard --restore-settings will not be able to restore them`;
  }
};

/**
 * The settings file that puts back, for each top-level element the vendor's file sets, the value
 * the org had before onboarding. Elements the org did not report before are listed as unrestorable.
 */
export const restoredSettings = (
  vendorXml: string,
  beforeXml: string | null
): { xml?: string; unrestorable: string[] } => {
  const vendor = parseMetadataXml(vendorXml);
  if (!vendor.ok || beforeXml === null) return { unrestorable: vendor.ok ? Object.keys(vendor.node) : [] };
  const before = parseMetadataXml(beforeXml);
  if (!before.ok) return { unrestorable: Object.keys(vendor.node) };
  const keys = Object.keys(vendor.node);
  const unrestorable = keys.filter((k) => !(k in before.node));
  const root = before.root;
  // Each element block as the org returned it, for the elements the vendor set and the org reported.
  const blocks = keys
    .filter((k) => k in before.node)
    .flatMap((k) =>
      [...beforeXml.matchAll(new RegExp(`[ \\t]*<${k}>[\\s\\S]*?</${k}>\\n?`, 'g'))].map((m) =>
        m[0].endsWith('\n') ? m[0] : `${m[0]}\n`
      )
    );
  if (!blocks.length) return { unrestorable };
  return {
    xml: `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://soap.sforce.com/2006/04/metadata">\n${blocks.join(
      ''
    )}</${root}>\n`,
    unrestorable,
  };
};
