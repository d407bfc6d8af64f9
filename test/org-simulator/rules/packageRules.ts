/**
 * Folder and suffix of each type the simulator accepts in a metadata-format zip (SDR's registry,
 * reference toolchain §2: metadataRegistry.json).
 */
export const TYPE_FILES: Record<string, { dir: string; suffix: string }> = {
  PermissionSet: { dir: 'permissionsets', suffix: 'permissionset' },
  Profile: { dir: 'profiles', suffix: 'profile' },
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
export const missingFileProblem = (type: string, fullName: string): string =>
  `An object '${fullName}' of type ${type} was named in package.xml, but was not found in zipped directory`;
