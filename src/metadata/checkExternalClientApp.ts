import type { Vendor } from '../catalogue';
import { type Problem, problemsFrom } from '../problems';
import { checkOauthFlow } from './checkOauthFlow';
import { selectText } from './elementPath';
import type { ReplacementEntry } from './replacementsConfig';
import type { VendorMetadata } from './vendorMetadata';

const problem = problemsFrom('metadata');

/** The External Client App vendor.json names: its files present, tied to it, and free of credentials. */
export const checkExternalClientApp = (
  vendor: Vendor,
  metadata: VendorMetadata,
  replacements: ReplacementEntry[]
): Problem[] => {
  const eca = vendor.externalClientApp;
  if (!eca) return [];
  const problems: Problem[] = [];
  const entryFile = `${vendor.relDir}/vendor.json`;
  const header = metadata.files.get(eca.file);
  if (!header) {
    return [
      problem.error('ExternalClientAppFileMissing', { file: entryFile, field: 'externalClientApp.file' }, [eca.file]),
    ];
  }
  if (header.node.orgScopedExternalApp)
    problems.push(problem.error('OrgScopedExternalAppInSource', { file: header.rel, field: 'orgScopedExternalApp' }));
  const satellites: Array<[string, string]> = [
    ['globalOauthSettings', eca.globalOauthSettings],
    ['oauthSettings', eca.oauthSettings],
    ['oauthPolicies', eca.oauthPolicies],
    ['policies', eca.policies],
  ];
  for (const [key, vendorRel] of satellites) {
    const file = metadata.files.get(vendorRel);
    if (!file) {
      problems.push(
        problem.error('ExternalClientAppFileMissing', { file: entryFile, field: `externalClientApp.${key}` }, [
          vendorRel,
        ])
      );
      continue;
    }
    const parent = selectText(file.node, 'externalClientApplication');
    if (parent !== eca.name)
      problems.push(
        problem.error(
          'ExternalClientAppParentMismatch',
          { file: file.rel, field: 'externalClientApplication' },
          [parent ?? '', eca.name],
          [eca.name]
        )
      );
  }
  const global = metadata.files.get(eca.globalOauthSettings);
  for (const secret of ['consumerKey', 'consumerSecret']) {
    if (global?.node[secret])
      problems.push(
        problem.error('OauthConsumerCredentialInSource', { file: global.rel, field: secret }, [secret], [secret])
      );
  }
  const policy = metadata.files.get(eca.oauthPolicies);
  problems.push(
    ...checkOauthFlow(vendor, { ...(global ? { global } : {}), ...(policy ? { policy } : {}) }, replacements)
  );
  const oauth = metadata.files.get(eca.oauthSettings);
  if (oauth?.node.oauthLink) problems.push(problem.error('OauthLinkInSource', { file: oauth.rel, field: 'oauthLink' }));
  for (const name of (selectText(policy?.node ?? {}, 'commaSeparatedPermissionSet') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!vendor.permissionSets.some((p) => p.name === name)) {
      problems.push(
        problem.error(
          'OauthPolicyPermissionSetUnknown',
          { file: policy?.rel ?? entryFile, field: 'commaSeparatedPermissionSet' },
          [name, vendor.name],
          [vendor.permissionSets.map((p) => p.name).join(', ')]
        )
      );
    }
  }
  return problems;
};
