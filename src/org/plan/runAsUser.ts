import { flowOf, Vendor } from '../../catalogue';
import { escapeXml } from '../../metadata';
import type { UserPlan } from './preflight';

/**
 * A client-credentials app's run-as user, as this org gets it: always the vendor's integration user
 * that deploy actually uses (in a sandbox, the copy `<username>.<sandbox>` it found), never a second
 * username from the values file. `pending` when the user does not exist yet: the app's OAuth policy
 * then goes with the flow off, and names the user in a second deploy once the user is set up (an
 * org refuses a run-as user that does not exist).
 */
export type RunAs = {
  vendor: string;
  app: string;
  /** Vendor-relative OAuth policies file. */
  file: string;
  username: string;
  pending: boolean;
};

export const runAsUsers = (vendors: Vendor[], users: UserPlan[]): RunAs[] =>
  vendors.flatMap((vendor): RunAs[] => {
    const app = vendor.externalClientApp;
    if (!app || flowOf(app) !== 'clientCredentials') return [];
    const user = users.find((u) => u.vendor === vendor.name);
    if (!user) return [];
    return [
      { vendor: vendor.name, app: app.name, file: app.oauthPolicies, username: user.username, pending: !user.existing },
    ];
  });

const USER_ELEMENT = /<clientCredentialsFlowUser>[^<]*<\/clientCredentialsFlowUser>/;
const FLOW_ELEMENT = /<isClientCredentialsFlowEnabled>\s*true\s*<\/isClientCredentialsFlowEnabled>/;

/**
 * The OAuth policies file with the run-as user this org gets; pending, without a run-as user and
 * with the client credentials flow off (nobody can use the app until the second deploy names the user).
 */
export const withRunAsUser = (xml: string, runAs: RunAs): string =>
  runAs.pending
    ? xml
        .replace(new RegExp(`[ \\t]*${USER_ELEMENT.source}\\r?\\n?`), '')
        .replace(FLOW_ELEMENT, '<isClientCredentialsFlowEnabled>false</isClientCredentialsFlowEnabled>')
    : xml.replace(USER_ELEMENT, `<clientCredentialsFlowUser>${escapeXml(runAs.username)}</clientCredentialsFlowUser>`);

/** What plan, stage and deploy say about a run-as user. */
export const runAsNote = (r: RunAs): string =>
  r.pending
    ? `${r.vendor}: ${r.app} runs as ${r.username} (client credentials flow), who does not exist yet: the app's OAuth policy goes with the flow off, and a second deploy names ${r.username} once the user is set up.`
    : `${r.vendor}: ${r.app} runs as ${r.username} (client credentials flow).`;
