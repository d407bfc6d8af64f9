import crypto from 'node:crypto';
import JSZip from 'jszip';
import { applyDestructive } from './destructive';
import { cloneState, holdComponent, licenceIdFor, newId, OrgState, rows } from './orgState';
import { deployerProblems } from './rules/deployerRules';
import { ecaProblems, policiesOf } from './rules/ecaRules';
import { missingFileProblem, pathFor, TYPE_FILES, unknownTypeProblem } from './rules/packageRules';
import { permissionSetProblems } from './rules/permissionSetRules';
import { fileSchemaProblems } from './rules/schemaRules';
import { applyProfile, profileProblems } from './rules/profileRules';
import { mergeSettings, settingsProblems } from './rules/settingsRules';
import { children, leaf, Node, parseXml } from './xml';

export type ComponentResult = {
  componentType: string;
  fullName: string;
  fileName: string;
  success: boolean;
  problem?: string;
  created?: boolean;
  changed?: boolean;
  deleted?: boolean;
};
export type DeployEngineResult = { results: ComponentResult[]; state: OrgState; success: boolean };

/** Renders a parsed node back to metadata XML (4-space indent, as retrieves are). */
export const renderNode = (root: string, node: Node): string => {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${root} xmlns="http://soap.sforce.com/2006/04/metadata">`,
  ];
  const walk = (n: Node, depth: number): void => {
    for (const [key, values] of Object.entries(n)) {
      for (const v of values) {
        const pad = '    '.repeat(depth);
        if (typeof v === 'string')
          lines.push(`${pad}<${key}>${v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</${key}>`);
        else if (Object.keys(v).length === 0) lines.push(`${pad}<${key}></${key}>`);
        else {
          lines.push(`${pad}<${key}>`);
          walk(v, depth + 1);
          lines.push(`${pad}</${key}>`);
        }
      }
    }
  };
  walk(node, 1);
  lines.push(`</${root}>`, '');
  return lines.join('\n');
};

// The order an org resolves references within one deploy: sets before the policies naming them, apps before satellites.
const ORDER = [
  'Profile',
  'PermissionSet',
  'ExternalClientApplication',
  'ExtlClntAppOauthSettings',
  'ExtlClntAppGlobalOauthSettings',
  'ExtlClntAppOauthConfigurablePolicies',
  'ExtlClntAppConfigurablePolicies',
  'Settings',
];

/**
 * Applies a metadata-format zip to a copy of the org. Atomic, like rollbackOnError: the returned
 * state is the copy only when every component succeeded and the deploy is not check-only.
 */
// eslint-disable-next-line complexity -- one pass over the zip, one branch per way Salesforce refuses a component
export const applyDeploy = async (
  state: OrgState,
  zipBase64: string,
  checkOnly: boolean
): Promise<DeployEngineResult> => {
  const zip = await JSZip.loadAsync(Buffer.from(zipBase64, 'base64'));
  const files = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files))
    if (!entry.dir)
      files.set(
        name.replace(/^[^/]+\/(?=package\.xml$)/, '').replace(/^unpackaged\//, ''),
        // eslint-disable-next-line no-await-in-loop -- one entry at a time keeps at most one file's text pending
        await entry.async('string')
      );
  const results: ComponentResult[] = [];
  const manifest = files.get('package.xml');
  if (!manifest)
    return {
      results: [
        {
          componentType: '',
          fullName: 'package.xml',
          fileName: 'package.xml',
          success: false,
          problem: 'No package.xml found',
        },
      ],
      state,
      success: false,
    };
  const members: Array<{ type: string; fullName: string }> = [];
  for (const types of children(parseXml(manifest).node, 'types')) {
    const type = leaf(types, 'name') ?? '';
    for (const m of types.members ?? []) members.push({ type, fullName: typeof m === 'string' ? m : '' });
  }
  const work = cloneState(state);
  const sameDeploy = {
    apps: new Set(members.filter((m) => m.type === 'ExternalClientApplication').map((m) => m.fullName)),
    permissionSets: new Set(members.filter((m) => m.type === 'PermissionSet').map((m) => m.fullName)),
  };
  members.sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type));
  results.push(...applyDestructive(work, files, 'pre'));
  for (const { type, fullName } of members) {
    const fileName = pathFor(type, fullName) ?? `${type}/${fullName}`;
    const fail = (problem: string): void => {
      results.push({ componentType: type, fullName, fileName, success: false, problem });
    };
    if (!TYPE_FILES[type]) {
      fail(unknownTypeProblem(type));
      continue;
    }
    const xml = files.get(fileName);
    if (xml === undefined) {
      fail(missingFileProblem(type, fullName));
      continue;
    }
    const { root, node } = parseXml(xml);
    const problems = [...deployerProblems(work, type), ...fileSchemaProblems(type, fullName, xml)];
    if (!problems.length) {
      if (type === 'PermissionSet') problems.push(...permissionSetProblems(work, node));
      else if (type === 'Profile') problems.push(...profileProblems(work, fullName, node));
      else if (type === 'Settings') problems.push(...settingsProblems(work, fullName, node));
      else problems.push(...ecaProblems(work, type, fullName, node, sameDeploy));
    }
    if (problems.length) {
      for (const problem of problems) fail(problem);
      continue;
    }
    const key = `${type}:${fullName}`;
    const held = work.components.get(key);
    let stored = xml;
    if (type === 'Settings' && held) stored = renderNode(root, mergeSettings(parseXml(held.xml).node, node));
    holdComponent(work, { type, fullName, path: fileName, xml: stored });
    results.push({
      componentType: type,
      fullName,
      fileName,
      success: true,
      created: !held,
      changed: held?.xml !== stored,
    });
    if (type === 'Profile') applyProfile(work, fullName, node);
    if (type === 'PermissionSet' && !rows(work, 'PermissionSet').some((r) => r.Name === fullName))
      rows(work, 'PermissionSet').push({
        Id: newId('0PS'),
        Name: fullName,
        Label: leaf(node, 'label') ?? fullName,
        IsCustom: true,
        LicenseId: licenceIdFor(work, leaf(node, 'license')),
        License: leaf(node, 'license') ?? null,
      });
    if (type === 'ExtlClntAppOauthConfigurablePolicies') grantSetupEntityAccess(work, node);
    if (type === 'ExternalClientApplication' && !held) {
      // The org mints the consumer key, and creates the app's OAuth policy record with defaults
      // when no policy comes with it (reference A.8.1: AllSelfAuthorized, Enforce).
      work.consumerKeys.set(fullName, `3MVG9${crypto.randomBytes(30).toString('base64url')}`);
      // A 64-hex-digit secret, the form Setup shows (format unverified; only equality matters here).
      work.consumerSecrets.set(fullName, crypto.randomBytes(32).toString('hex').toUpperCase());
      if (
        !members.some(
          (m) =>
            m.type === 'ExtlClntAppOauthConfigurablePolicies' &&
            (files.get(pathFor(m.type, m.fullName) ?? '') ?? '').includes(`<externalClientApplication>${fullName}<`)
        )
      ) {
        const name = `${fullName}_oauth_defaultPolicy`;
        holdComponent(work, {
          type: 'ExtlClntAppOauthConfigurablePolicies',
          fullName: name,
          path: pathFor('ExtlClntAppOauthConfigurablePolicies', name) ?? '',
          xml: renderNode('ExtlClntAppOauthConfigurablePolicies', {
            externalClientApplication: [fullName],
            ipRelaxationPolicyType: ['Enforce'],
            label: [name],
            permittedUsersPolicyType: ['AllSelfAuthorized'],
          }),
        });
      }
    }
  }
  results.push(...applyDestructive(work, files, 'post'));
  const success = results.every((r) => r.success) && policiesUnique(work);
  return { results, state: success && !checkOnly ? work : state, success };
};

/**
 * Pre-authorising by permission set shows as a SetupEntityAccess row of the set with SetupEntityType
 * 'ExternalClientApplication' (reference org-behaviour.md 2026-12-06: CumulusCI's
 * UpdateEcaOauthPolicy, a public script whose JWT grant is accepted). Unverified: whether the
 * deploy itself creates the row or a separate insert is needed; probe records what a real org holds
 * after a deploy. The simulator creates one per named set, once.
 */
const grantSetupEntityAccess = (state: OrgState, node: Node): void => {
  for (const name of (leaf(node, 'commaSeparatedPermissionSet') ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)) {
    const set = rows(state, 'PermissionSet').find((p) => p.Name === name);
    const table = rows(state, 'SetupEntityAccess');
    if (!set || table.some((r) => r.ParentId === set.Id && r.SetupEntityType === 'ExternalClientApplication')) continue;
    table.push({
      Id: newId('0J0'),
      ParentId: set.Id as string,
      SetupEntityId: newId('0xI'),
      SetupEntityType: 'ExternalClientApplication',
    });
  }
};

const policiesUnique = (state: OrgState): boolean =>
  [...state.components.values()]
    .filter((c) => c.type === 'ExternalClientApplication')
    .every((app) => policiesOf(state, 'ExtlClntAppOauthConfigurablePolicies', app.fullName).length <= 1);
