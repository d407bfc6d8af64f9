import { flowOf, OauthFlow, Vendor } from '../catalogue';
import { type Problem, problemsFrom } from '../problems';
import type { CheckedFile } from './checkMetadataFile';
import { selectText } from './elementPath';
import { replacementApplies, type ReplacementEntry } from './replacementsConfig';

const problem = problemsFrom('metadata');

const PLACEHOLDER_ONLY = /^__[A-Z0-9]+(?:_[A-Z0-9]+)*__$/;

/** What each flow needs and refuses, element by element, in Salesforce's published fields (API 64 schema). */
type FlowRule = { file: 'global' | 'policy'; element: string; rule: 'true' | 'notTrue' | 'present' | 'absent' };

const FLOW_RULES: Record<OauthFlow, FlowRule[]> = {
  // The certificate enables the JWT bearer flow (Metadata API, ExtlClntAppGlobalOauthSettings); its
  // placeholder is checked on its own below. Client credentials on the same app would be a second way in.
  jwtBearer: [
    { file: 'global', element: 'isClientCredentialsFlowEnabled', rule: 'notTrue' },
    { file: 'policy', element: 'isClientCredentialsFlowEnabled', rule: 'notTrue' },
  ],
  // Client credentials: enabled in the global OAuth settings and in the org's OAuth policies, with the
  // run-as user in clientCredentialsFlowUser; a certificate would let a private key in as well.
  clientCredentials: [
    { file: 'global', element: 'isClientCredentialsFlowEnabled', rule: 'true' },
    { file: 'policy', element: 'isClientCredentialsFlowEnabled', rule: 'true' },
    { file: 'policy', element: 'clientCredentialsFlowUser', rule: 'present' },
    { file: 'global', element: 'certificate', rule: 'absent' },
  ],
  // Web-server consent: a person consents at the callback URL; no key, no client credentials.
  webServer: [
    { file: 'global', element: 'callbackUrl', rule: 'present' },
    { file: 'global', element: 'certificate', rule: 'absent' },
    { file: 'global', element: 'isClientCredentialsFlowEnabled', rule: 'notTrue' },
    { file: 'policy', element: 'isClientCredentialsFlowEnabled', rule: 'notTrue' },
  ],
};

const FLOW_WORDS: Record<OauthFlow, string> = {
  jwtBearer: 'JWT bearer',
  clientCredentials: 'client credentials',
  webServer: 'web-server consent',
};

const ruleProblem = (
  vendor: Vendor,
  flow: OauthFlow,
  file: CheckedFile,
  { element, rule }: FlowRule
): Problem | undefined => {
  const value = selectText(file.node, element);
  const where = { file: file.rel, field: element };
  const tokens = [FLOW_WORDS[flow], `${vendor.relDir}/vendor.json`];
  if (rule === 'true' && value !== 'true')
    return problem.error('OauthFlowNeedsTrue', where, tokens, [element, element]);
  if (rule === 'notTrue' && value === 'true')
    return problem.error('OauthFlowRefusesTrue', where, tokens, [element, element]);
  if (rule === 'present' && !value) return problem.error('OauthFlowNeedsElement', where, tokens, [element]);
  if (rule === 'absent' && value !== undefined)
    return problem.error('OauthFlowRefusesElement', where, tokens, [element]);
  return undefined;
};

/**
 * The run-as user's element holds a placeholder that the integration username's own env variable
 * fills (for raw deploys); vendor-access deploy writes the user it actually set up there (the
 * sandbox copy included). Never a username in source: it would be a second copy of the value.
 */
const runAsProblems = (vendor: Vendor, policy: CheckedFile, replacements: ReplacementEntry[]): Problem[] => {
  const value = selectText(policy.node, 'clientCredentialsFlowUser');
  if (!value) return [];
  const spec = vendor.values.find((v) => v.role === 'integrationUsername');
  const where = { file: policy.rel, field: 'clientCredentialsFlowUser' };
  const entry = PLACEHOLDER_ONLY.test(value)
    ? replacements.find((r) => r.stringToReplace === value && replacementApplies(r, policy.rel))
    : undefined;
  if (spec?.env && entry && entry.replaceWithEnv === spec.env) return [];
  const env = spec?.env ?? `${vendor.name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_INTEGRATION_USERNAME`;
  return [problem.error('RunAsUserNotFromIntegrationUser', where, [], [spec?.key ?? '', env, env, env, env])];
};

/**
 * The app's files hold exactly what its flow needs (vendor.json externalClientApp.flow; JWT bearer
 * when absent) and nothing that opens another way in.
 */
export const checkOauthFlow = (
  vendor: Vendor,
  files: { global?: CheckedFile; policy?: CheckedFile },
  replacements: ReplacementEntry[]
): Problem[] => {
  const app = vendor.externalClientApp;
  if (!app) return [];
  const flow = flowOf(app);
  const problems: Problem[] = [];
  for (const rule of FLOW_RULES[flow]) {
    const file = files[rule.file];
    const found = file ? ruleProblem(vendor, flow, file, rule) : undefined;
    if (found) problems.push(found);
  }
  if (
    flow === 'jwtBearer' &&
    files.global &&
    !PLACEHOLDER_ONLY.test(selectText(files.global.node, 'certificate') ?? '')
  )
    problems.push(
      problem.error(
        'OauthCertificateNotPlaceholder',
        { file: files.global.rel, field: 'certificate' },
        [],
        [vendor.name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')]
      )
    );
  if (flow === 'clientCredentials' && files.policy) problems.push(...runAsProblems(vendor, files.policy, replacements));
  return problems;
};
