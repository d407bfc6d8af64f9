import { schemaFields as fieldsOf } from '../schema';
import type { Node } from '../xml';

/**
 * Folder and suffix of each type the simulator accepts in a metadata-format zip (SDR's registry,
 * reference toolchain §2: metadataRegistry.json).
 */
export const TYPE_FILES: Record<string, { dir: string; suffix: string }> = {
  PermissionSet: { dir: 'permissionsets', suffix: 'permissionset' },
  Settings: { dir: 'settings', suffix: 'settings' },
  ExternalClientApplication: { dir: 'externalClientApps', suffix: 'eca' },
  ExtlClntAppGlobalOauthSettings: { dir: 'extlClntAppGlobalOauthSets', suffix: 'ecaGlblOauth' },
  ExtlClntAppOauthSettings: { dir: 'extlClntAppOauthSettings', suffix: 'ecaOauth' },
  ExtlClntAppOauthConfigurablePolicies: { dir: 'extlClntAppOauthPolicies', suffix: 'ecaOauthPlcy' },
  ExtlClntAppConfigurablePolicies: { dir: 'extlClntAppPolicies', suffix: 'ecaPlcy' },
};

export const pathFor = (type: string, fullName: string): string | undefined => {
  const t = TYPE_FILES[type];
  return t ? `${t.dir}/${fullName}.${t.suffix}` : undefined;
};

// Text as Salesforce answers an unknown type in package.xml (seen in deploy results; unverified wording).
export const unknownTypeProblem = (type: string): string => `Unknown type name '${type}' specified in package.xml`;

// Metadata API: a member named in package.xml without its file (real text of the Metadata API).
export const missingFileProblem = (type: string, fullName: string): string => `An object '${fullName}' of type ${type} was named in package.xml, but was not found in zipped directory`;

/**
 * Element validation against the type's fields (from Salesforce's typings, @salesforce/types).
 * The error text is the Metadata API's schema-parser message.
 */
export const schemaProblems = (rootType: string, node: Node): string[] => {
  const problems: string[] = [];
  const walk = (typeName: string, current: Node): void => {
    const fields = fieldsOf(typeName) ?? {};
    for (const [key, values] of Object.entries(current)) {
      const field = fields[key];
      if (!field) {
        problems.push(`Error parsing file: Element {http://soap.sforce.com/2006/04/metadata}${key} invalid at this location in type ${typeName}`);
        continue;
      }
      if (fieldsOf(field.type)) for (const v of values) if (typeof v === 'object') walk(field.type, v);
    }
  };
  walk(rootType, node);
  return problems;
};
