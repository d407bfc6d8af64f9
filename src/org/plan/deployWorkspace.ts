import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ComponentSet } from '@salesforce/source-deploy-retrieve';
import type { Vendor } from '../../catalogue';
import { convertSource } from '../../convert/convertSource';
import {
  addUserPermissions,
  removePermissions,
  renderRealTimeEventSettings,
  renderSecuritySettings,
} from '../../metadata/renderXml';
import type { IpRange } from '../../network';
import type { VendorValues } from '../../values';
import { RunAs, withRunAsUser } from './runAsUser';

/** What one org receives beyond the committed files: everything the org itself decided. */
export type WorkspacePlan = {
  vendors: Vendor[];
  values: VendorValues[];
  /** Permission set name → permissions the org requires or resolved by label. */
  extraPermissions: Map<string, string[]>;
  /** The merged trusted-range list; undefined leaves the org's SecuritySettings alone. */
  trustedRanges?: IpRange[];
  /** Our component fullName → the name the org already holds it under (ECA policies). */
  renames: Map<string, string>;
  /** Permission set → permissions and objects the org lacks an optional feature for. */
  omitted?: Map<string, { permissions: string[]; objects: string[] }>;
  /** Vendor name → RealTimeEventSettings entities the org offers (replaces the vendor's fixed list). */
  eventManager?: Map<string, { file: string; entities: string[] }>;
  /** Hardened mode: source files of the dedicated profiles to send (kept out of raw deploys by .forceignore). */
  hardenedProfiles?: string[];
  /** Client-credentials apps: the run-as user written into each OAuth policy (or the flow off, pending). */
  runAs?: RunAs[];
  /** Components to leave out of this deploy, as `Type:fullName`. */
  exclude?: Set<string>;
  /** Also write a readable metadata-format copy (for plan's diff) under `<dir>/metadata`. */
  metadataDir?: boolean;
};

export type DeployWorkspace = {
  dir: string;
  components: ComponentSet;
  zipPath: string;
  metadataDir: string;
  cleanup: () => void;
};

const GENERATED = 'vendor-access-generated';

/**
 * A throwaway copy of the project holding exactly what one org receives: the vendors' metadata,
 * org-resolved permissions added, ECA satellites under the names the org already uses, and the
 * merged SecuritySettings. Converted by SDR (replacements applied) to a zip; force-app is never
 * written to.
 */
export const buildDeployWorkspace = async (projectDir: string, plan: WorkspacePlan): Promise<DeployWorkspace> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-deploy-'));
  const cleanup = (): void => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const project = JSON.parse(fs.readFileSync(path.join(projectDir, 'sfdx-project.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const packageDirectories = plan.vendors.map((v) => ({ path: v.relDir }));
    if (plan.trustedRanges !== undefined || plan.hardenedProfiles?.length) packageDirectories.push({ path: GENERATED });
    fs.writeFileSync(
      path.join(dir, 'sfdx-project.json'),
      JSON.stringify(
        { ...project, packageDirectories: packageDirectories.map((p, i) => (i === 0 ? { ...p, default: true } : p)) },
        undefined,
        2
      )
    );
    fs.writeFileSync(
      path.join(dir, '.forceignore'),
      workspaceForceignore(
        fs.readFileSync(path.join(projectDir, '.forceignore'), 'utf8'),
        plan.vendors,
        plan.trustedRanges !== undefined
      )
    );
    for (const vendor of plan.vendors) {
      fs.cpSync(vendor.dir, path.join(dir, vendor.relDir), { recursive: true });
      for (const ref of vendor.permissionSets) {
        const extra = plan.extraPermissions.get(ref.name) ?? [];
        const omitted = plan.omitted?.get(ref.name);
        if (!extra.length && !omitted) continue;
        const file = path.join(dir, vendor.relDir, ref.file);
        let xml = fs.readFileSync(file, 'utf8');
        if (omitted) xml = removePermissions(xml, omitted.permissions, omitted.objects);
        if (extra.length) xml = addUserPermissions(xml, extra);
        fs.writeFileSync(file, xml);
      }
      const events = plan.eventManager?.get(vendor.name);
      if (events)
        fs.writeFileSync(path.join(dir, vendor.relDir, events.file), renderRealTimeEventSettings(events.entities));
      for (const runAs of (plan.runAs ?? []).filter((r) => r.vendor === vendor.name)) {
        const file = path.join(dir, vendor.relDir, runAs.file);
        fs.writeFileSync(file, withRunAsUser(fs.readFileSync(file, 'utf8'), runAs));
      }
      renameComponents(path.join(dir, vendor.relDir), plan.renames);
    }
    if (plan.trustedRanges) {
      const settingsDir = path.join(dir, GENERATED, 'main', 'default', 'settings');
      fs.mkdirSync(settingsDir, { recursive: true });
      fs.writeFileSync(
        path.join(settingsDir, 'Security.settings-meta.xml'),
        renderSecuritySettings(plan.trustedRanges)
      );
    }
    if (plan.hardenedProfiles?.length) {
      // The vendors' hardened/ folders stay ignored; only the profiles this org turns on are sent.
      const profilesDir = path.join(dir, GENERATED, 'main', 'default', 'profiles');
      fs.mkdirSync(profilesDir, { recursive: true });
      for (const file of plan.hardenedProfiles) fs.copyFileSync(file, path.join(profilesDir, path.basename(file)));
    }
    const zipPath = path.join(dir, 'deploy.zip');
    const components = await convertSource({
      projectDir: dir,
      sourcepaths: packageDirectories.map((p) => path.join(dir, p.path)),
      values: plan.values,
      ...(plan.exclude ? { exclude: plan.exclude } : {}),
      zipPath,
      ...(plan.metadataDir ? { metadataDir: path.join(dir, 'metadata') } : {}),
    });
    return { dir, components, zipPath, metadataDir: path.join(dir, 'metadata'), cleanup };
  } catch (err) {
    cleanup();
    throw err;
  }
};

const SECURITY_RULE = '**/settings/Security.settings-meta.xml';

/**
 * The workspace's .forceignore, generated rule by rule from the project's: every rule kept, except
 * that where this org gets the merged SecuritySettings the catch-all trusted-range rule becomes one
 * rule per vendor folder, so the vendors' own range files stay out and the generated list goes in.
 */
export const workspaceForceignore = (projectRules: string, vendors: Vendor[], mergedRanges: boolean): string => {
  const rules = projectRules.replace(/\s+$/, '').split(/\r?\n/);
  const out = rules.flatMap((rule) =>
    mergedRanges && rule.trim() === SECURITY_RULE
      ? vendors.map((v) => `${v.relDir}/**/settings/Security.settings-meta.xml`)
      : [rule]
  );
  // A project without the catch-all still never sends a vendor's own range file.
  if (mergedRanges && !rules.some((r) => r.trim() === SECURITY_RULE))
    out.push(...vendors.map((v) => `${v.relDir}/**/settings/Security.settings-meta.xml`));
  return `${out.join('\n').replace(/\n*$/, '')}\n`;
};

/** Renames source files whose fullName the org holds under another name (`<old>.<suffix>-meta.xml`). */
const renameComponents = (vendorDir: string, renames: Map<string, string>): void => {
  if (!renames.size) return;
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      const match = /^(.+?)(\.[A-Za-z]+-meta\.xml)$/.exec(entry.name);
      const named = match ? renames.get(match[1] as string) : undefined;
      // The new name comes from the org; only an API name (letters, digits, _) may become a file name.
      const target = named !== undefined && /^[A-Za-z][A-Za-z0-9_]{0,79}$/.test(named) ? named : undefined;
      if (entry.isFile() && match && target) fs.renameSync(full, path.join(current, `${target}${match[2] as string}`));
    }
  };
  walk(vendorDir);
};
