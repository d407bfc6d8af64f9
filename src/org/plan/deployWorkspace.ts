import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ComponentSet, ForceIgnore, SourceComponent } from '@salesforce/source-deploy-retrieve';
import type { Vendor } from '../../catalogue';
import { applyMarks, ConvertedComponent, GENERATED, SharedConversion, sharedConversion } from '../../convert';
import {
  addUserPermissions,
  removePermissions,
  renderRealTimeEventSettings,
  renderSecuritySettings,
  writeZip,
} from '../../metadata';
import type { IpRange } from '../../network';
import type { VendorValues } from '../../values';
import { RunAs, withRunAsUser } from './runAsUser';

export { workspaceForceignore } from '../../convert';

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
  /** No longer needed: the package's files are always in memory (`contents`). Accepted and ignored. */
  metadataDir?: boolean;
};

export type DeployWorkspace = {
  /** The components as SDR knows them (what a deploy reports on). */
  components: ComponentSet;
  /** Package path → content, package.xml included: exactly what the zip holds. */
  contents: Map<string, string>;
  /** The zip a deploy sends, written on first use. */
  readonly zipPath: string;
  cleanup: () => void;
};

const packageXmls = new WeakMap<SharedConversion, Map<string, Promise<string>>>();

/** package.xml for this set of members, made once per distinct set from SDR's own manifest writer. */
const packageXmlFor = (base: SharedConversion, components: ComponentSet): Promise<string> => {
  const key = components
    .toArray()
    .map((c) => `${c.type.name}:${c.fullName}`)
    .join('\n');
  const cache = packageXmls.get(base) ?? new Map<string, Promise<string>>();
  packageXmls.set(base, cache);
  const found = cache.get(key);
  if (found) return found;
  const made = components.getPackageXml();
  cache.set(key, made);
  return made;
};

const renamed = (
  base: SharedConversion,
  c: ConvertedComponent,
  to: string
): { xml: string; component: SourceComponent } => {
  const xml = c.component.xml ?? '';
  const name = path.basename(xml);
  const suffix = name.slice(c.component.fullName.length);
  const target = path.join(path.dirname(xml), `${to}${suffix}`);
  return {
    xml: target,
    component: new SourceComponent({ name: to, type: c.component.type, xml: target }, undefined, emptyIgnore(base)),
  };
};

const ignores = new WeakMap<SharedConversion, ForceIgnore>();
const emptyIgnore = (base: SharedConversion): ForceIgnore => {
  const found = ignores.get(base) ?? new ForceIgnore();
  ignores.set(base, found);
  return found;
};

// Orgs that receive the same files get the same zip: deflated once (bounded).
const MAX_ZIPS = 16;
const zips = new Map<string, Buffer>();
const zipOf = (contents: Map<string, string>): Buffer => {
  const sorted = [...contents].sort(([a], [b]) => (a < b ? -1 : 1));
  const key = JSON.stringify(sorted);
  const found = zips.get(key);
  if (found) return found;
  const zip = writeZip(sorted.map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') })));
  zips.set(key, zip);
  if (zips.size > MAX_ZIPS) zips.delete(zips.keys().next().value as string);
  return zip;
};

/**
 * Exactly what one org receives: the vendors' metadata, org-resolved permissions added, ECA
 * satellites under the names the org already uses, the Event Manager entities it offers, and the
 * merged SecuritySettings. The vendors' source is converted by SDR once per distinct input and
 * shared (sharedConversion.ts); this org's changes are made on that result, each file edited
 * before its replacements are applied, as SDR would have done on an edited copy of the source.
 * Nothing is written to disk until a deploy asks for the zip; force-app is never written to.
 */
/** This org's edits to the vendors' files, by workspace-relative source path: made on the source text. */
const orgEdits = (plan: WorkspacePlan): Map<string, (xml: string) => string> => {
  const edits = new Map<string, (xml: string) => string>();
  for (const vendor of plan.vendors) {
    for (const ref of vendor.permissionSets) {
      const extra = plan.extraPermissions.get(ref.name) ?? [];
      const omitted = plan.omitted?.get(ref.name);
      if (!extra.length && !omitted) continue;
      edits.set(`${vendor.relDir}/${ref.file}`, (xml) => {
        const kept = omitted ? removePermissions(xml, omitted.permissions, omitted.objects) : xml;
        return extra.length ? addUserPermissions(kept, extra) : kept;
      });
    }
    const events = plan.eventManager?.get(vendor.name);
    if (events) edits.set(`${vendor.relDir}/${events.file}`, () => renderRealTimeEventSettings(events.entities));
    // A client-credentials app's OAuth policy names the run-as user this org gets (or goes with the flow off).
    for (const runAs of (plan.runAs ?? []).filter((r) => r.vendor === vendor.name)) {
      const file = `${vendor.relDir}/${runAs.file}`;
      const before = edits.get(file);
      edits.set(file, (xml) => withRunAsUser(before ? before(xml) : xml, runAs));
    }
  }
  return edits;
};

/**
 * One converted component as this org receives it: under the name the org holds it by, with the
 * org's edit made to its source and then its replacements applied (as SDR would on an edited copy).
 */
const forOrg = async (
  base: SharedConversion,
  c: ConvertedComponent,
  plan: WorkspacePlan,
  edit: ((xml: string) => string) | undefined
): Promise<{ component: SourceComponent; files: Map<string, string> }> => {
  // A name from the org becomes a file name only if it is an API name (letters, digits, _).
  const to = c.vendor ? plan.renames.get(c.component.fullName) : undefined;
  const target = to !== undefined && /^[A-Za-z][A-Za-z0-9_]{0,79}$/.test(to) ? to : undefined;
  if (target) {
    const moved = renamed(base, c, target);
    // Marked as SDR would mark the file at its new path.
    const marks = await base.mark(moved.xml);
    const from = `${c.component.type.directoryName}/${c.component.fullName}`;
    const toPrefix = `${c.component.type.directoryName}/${target}`;
    const files = new Map([...c.files].map(([k, v]) => [k.replace(from, toPrefix), v]));
    files.set(c.rel.replace(from, toPrefix), await applyMarks(edit ? edit(c.sourceText) : c.sourceText, marks));
    return { component: moved.component, files };
  }
  if (!edit) return { component: c.component, files: c.files };
  const files = new Map(c.files);
  files.set(c.rel, await applyMarks(edit(c.sourceText), c.marks));
  return { component: c.component, files };
};

/** The merged trusted-range list, where the org gets it and the project's rules let it through. */
const mergedSecurity = async (
  base: SharedConversion,
  plan: WorkspacePlan
): Promise<{ component: SourceComponent; rel: string; text: string } | undefined> => {
  if (!plan.trustedRanges || plan.exclude?.has('Settings:Security')) return undefined;
  const xml = path.join(base.dir, GENERATED, 'main', 'default', 'settings', 'Security.settings-meta.xml');
  if (base.mergedIgnore.denies(xml)) return undefined;
  const type = base.registry.getTypeByName('Settings');
  return {
    component: new SourceComponent({ name: 'Security', type, xml }, undefined, emptyIgnore(base)),
    rel: `${type.directoryName}/Security.${type.suffix ?? ''}`,
    text: await applyMarks(renderSecuritySettings(plan.trustedRanges), await base.mark(xml)),
  };
};

/**
 * Exactly what one org receives: the vendors' metadata, org-resolved permissions added, ECA
 * satellites under the names the org already uses, the Event Manager entities it offers, and the
 * merged SecuritySettings. The vendors' source is converted by SDR once per distinct input and
 * shared (sharedConversion.ts); this org's changes are made on that result, each file edited
 * before its replacements are applied, as SDR would have done on an edited copy of the source.
 * Nothing is written to disk until a deploy asks for the zip; force-app is never written to.
 */
export const buildDeployWorkspace = async (projectDir: string, plan: WorkspacePlan): Promise<DeployWorkspace> => {
  const base = await sharedConversion(projectDir, plan.vendors, plan.values, plan.hardenedProfiles ?? []);
  const merged = plan.trustedRanges !== undefined;
  const chosenProfiles = new Set((plan.hardenedProfiles ?? []).map((f) => path.basename(f)));
  const edits = orgEdits(plan);
  const chosen: SourceComponent[] = [];
  const contents = new Map<string, string>();
  for (const c of base.components) {
    // The generated folder holds every hardened profile: only those this org turns on go.
    if (!c.vendor && !chosenProfiles.has(path.basename(c.component.xml ?? ''))) continue;
    // Where the merged list goes in, the vendors' own range files stay out (workspaceForceignore).
    if (merged && c.component.xml && base.mergedIgnore.denies(c.component.xml)) continue;
    // eslint-disable-next-line no-await-in-loop -- in memory: an edited file's replacements
    const { component, files } = await forOrg(base, c, plan, edits.get(c.sourceRel));
    if (plan.exclude?.has(`${component.type.name}:${component.fullName}`)) continue;
    chosen.push(component);
    for (const [k, v] of files) contents.set(k, v);
  }
  const security = await mergedSecurity(base, plan);
  if (security) {
    chosen.push(security.component);
    contents.set(security.rel, security.text);
  }

  const components = new ComponentSet(chosen, base.registry);
  components.projectDirectory = projectDir;
  if (base.sourceApiVersion) components.sourceApiVersion = base.sourceApiVersion;
  if (base.apiVersion) components.apiVersion = base.apiVersion;
  contents.set('package.xml', await packageXmlFor(base, components));

  let zipDir: string | undefined;
  return {
    components,
    contents,
    get zipPath(): string {
      if (!zipDir) {
        zipDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-access-deploy-'));
        fs.writeFileSync(path.join(zipDir, 'deploy.zip'), zipOf(contents));
      }
      return path.join(zipDir, 'deploy.zip');
    },
    cleanup: (): void => {
      if (zipDir) fs.rmSync(zipDir, { recursive: true, force: true });
    },
  };
};
