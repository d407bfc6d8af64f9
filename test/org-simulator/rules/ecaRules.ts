import { rows, type OrgState } from '../orgState';
import { leaf, Node, parseXml } from '../xml';

const POLICY_TYPES = ['ExtlClntAppOauthConfigurablePolicies', 'ExtlClntAppConfigurablePolicies'];

/** Names of the policy records the org holds for an app, per policy type. */
export const policiesOf = (state: OrgState, type: string, app: string): string[] =>
  [...state.components.values()]
    .filter((c) => c.type === type && leaf(parseXml(c.xml).node, 'externalClientApplication') === app)
    .map((c) => c.fullName);

/**
 * External Client App rules (reference external-client-app-and-settings.md A.2-A.8):
 * - orgScopedExternalApp must be this org's ("OrgId:AppName"); a foreign one fails;
 * - consumerKey / consumerSecret are minted by the org, never accepted (wording borrowed from the
 * Connected App error "You cannot provide a Consumer Key", CumulusCI#2943; unverified for ECAs);
 * - an oauthLink from elsewhere fails (Help: "Deployment fails if there's an OAuth link field in the
 * settings file with incorrect information"; wording unverified);
 * - one OAuth policy record per app: another name fails with "duplicate value found:
 * ExternalClientApplicationId duplicates value on <name>" (reference A.8.2);
 * - the policy's permission sets must exist (wording unverified).
 */
export const ecaProblems = (
  state: OrgState,
  type: string,
  fullName: string,
  node: Node,
  sameDeploy: { apps: Set<string>; permissionSets: Set<string> }
): string[] => {
  const problems: string[] = [];
  if (type === 'ExternalClientApplication') {
    const scoped = leaf(node, 'orgScopedExternalApp');
    if (scoped !== undefined && !scoped.startsWith(`${state.orgId}:`))
      problems.push(
        'The Org Scoped External Client App must be in the format DeveloperOrganizationId:ExternalClientAppDeveloperName of this org'
      );
    return problems;
  }
  const app = leaf(node, 'externalClientApplication') ?? '';
  if (!state.components.has(`ExternalClientApplication:${app}`) && !sameDeploy.apps.has(app))
    problems.push(`In field: externalClientApplication - no ExternalClientApplication named ${app} found`);
  if (type === 'ExtlClntAppGlobalOauthSettings' && (node.consumerKey ?? node.consumerSecret))
    problems.push('You cannot provide a Consumer Key or Consumer Secret: the org generates them');
  if (type === 'ExtlClntAppOauthSettings' && node.oauthLink)
    problems.push(
      "We couldn't update your OAuth link because the external client app doesn't have distribution state PACKAGED"
    );
  if (POLICY_TYPES.includes(type)) {
    const other = policiesOf(state, type, app).find((n) => n !== fullName);
    if (other) problems.push(`duplicate value found: ExternalClientApplicationId duplicates value on ${other}`);
  }
  if (type === 'ExtlClntAppOauthConfigurablePolicies') problems.push(...oauthPolicyProblems(state, node, sameDeploy));
  return problems;
};

/**
 * An OAuth policy record's references: the run-as user must be a user of this org (public deploy
 * scripts create the user first and name it by username; the refusal's wording is unverified), and
 * the permission sets it names must exist (wording unverified).
 */
const oauthPolicyProblems = (
  state: OrgState,
  node: Node,
  sameDeploy: { apps: Set<string>; permissionSets: Set<string> }
): string[] => {
  const problems: string[] = [];
  // The run-as user must be a user of this org (public deploy scripts create the user first and
  // name it by username); the wording of the refusal is unverified.
  const runAs = leaf(node, 'clientCredentialsFlowUser');
  if (runAs && !rows(state, 'User').some((u) => String(u.Username).toLowerCase() === runAs.toLowerCase()))
    problems.push(`In field: clientCredentialsFlowUser - no User named ${runAs} found`);
  for (const name of (leaf(node, 'commaSeparatedPermissionSet') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!state.components.has(`PermissionSet:${name}`) && !sameDeploy.permissionSets.has(name))
      problems.push(`In field: commaSeparatedPermissionSet - no PermissionSet named ${name} found`);
  }
  return problems;
};
