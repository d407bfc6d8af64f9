import fs from 'node:fs';
import path from 'node:path';
import type { Vendor } from '../catalogue';
import { selectValues, parseMetadataXml, textOf } from '../metadata';

/** What the catalogue names, so the probe reads exactly the org facts the product depends on. */
export type CatalogueNames = {
  /** User permissions in every vendor.json guideRequiredPermissions and every permission set file. */
  permissions: string[];
  /** Objects the permission set files give object permissions on. */
  objects: string[];
  /** Setup labels resolved at run time (vendor.json runtimePermissions). */
  labels: string[];
  /** Every vendor permission set's API name. */
  permissionSets: string[];
  /** The vendors' External Client App global OAuth settings (fullNames). */
  globalOauthSettings: string[];
};

const texts = (file: string, elementPath: string): string[] => {
  let xml: string;
  try {
    xml = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const parsed = parseMetadataXml(xml);
  return parsed.ok
    ? selectValues(parsed.node, elementPath)
        .map(textOf)
        .filter((t): t is string => Boolean(t))
    : [];
};

/** The source-format file's fullName: `x/ISPM_glbloauth.ecaGlblOauth-meta.xml` → `ISPM_glbloauth`. */
const fullNameOf = (file: string): string => path.basename(file).replace(/\.[A-Za-z]+-meta\.xml$/, '');

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

export const catalogueNames = (vendors: Vendor[]): CatalogueNames => {
  const files = vendors.flatMap((v) => v.permissionSets.map((p) => path.join(v.dir, p.file)));
  return {
    permissions: sorted([
      ...vendors.flatMap((v) => Object.values(v.guideRequiredPermissions).flat()),
      ...files.flatMap((f) => texts(f, 'userPermissions/name')),
    ]),
    objects: sorted(files.flatMap((f) => texts(f, 'objectPermissions/object'))),
    labels: sorted(['View Event Log Object Data', ...vendors.flatMap((v) => v.runtimePermissions.map((r) => r.label))]),
    permissionSets: sorted(vendors.flatMap((v) => v.permissionSets.map((p) => p.name))),
    globalOauthSettings: sorted(
      vendors.flatMap((v) => (v.externalClientApp ? [fullNameOf(v.externalClientApp.globalOauthSettings)] : []))
    ),
  };
};
