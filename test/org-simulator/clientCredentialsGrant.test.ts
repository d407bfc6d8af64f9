import { Connection, Lifecycle } from '@salesforce/core';
import { connectToSimulator } from './connect';
import { deploySource, failures, permissionSet, xml } from './deploySource';
import { OrgSimulator, startOrgSimulator } from './index';

const RUN_AS = 'runas@example.com';
const APP = xml(
  'ExternalClientApplication',
  '    <contactEmail>a@example.com</contactEmail>\n    <distributionState>Local</distributionState>\n    <label>App</label>\n'
);
const GLOBAL = (enabled: boolean): string =>
  xml(
    'ExtlClntAppGlobalOauthSettings',
    `    <callbackUrl>http://localhost:1717/OauthRedirect</callbackUrl>\n    <externalClientApplication>App</externalClientApplication>\n    <isClientCredentialsFlowEnabled>${String(
      enabled
    )}</isClientCredentialsFlowEnabled>\n    <label>g</label>\n`
  );
const POLICY = (runAs: string | undefined): string =>
  xml(
    'ExtlClntAppOauthConfigurablePolicies',
    `${
      runAs === undefined ? '' : `    <clientCredentialsFlowUser>${runAs}</clientCredentialsFlowUser>\n`
    }    <commaSeparatedPermissionSet>Reader</commaSeparatedPermissionSet>\n    <externalClientApplication>App</externalClientApplication>\n    <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>\n    <label>p</label>\n    <permittedUsersPolicyType>AdminApprovedPreAuthorized</permittedUsersPolicyType>\n`
  );
const files = (runAs: string | undefined, globalEnabled = true): Record<string, string> => ({
  'permissionsets/Reader.permissionset-meta.xml': permissionSet('Reader', ['ApiEnabled']),
  'externalClientApps/App.eca-meta.xml': APP,
  'extlClntAppGlobalOauthSets/App_glbloauth.ecaGlblOauth-meta.xml': GLOBAL(globalEnabled),
  'extlClntAppOauthPolicies/App_oauthPlcy.ecaOauthPlcy-meta.xml': POLICY(runAs),
});

describe('org simulator: the OAuth 2.0 client credentials grant', () => {
  let sim: OrgSimulator;
  let connection: Connection;
  beforeEach(async () => {
    Lifecycle.getInstance().onWarning(async () => {});
    sim = await startOrgSimulator({ seed: { users: [{ Username: RUN_AS, profile: 'Minimum Access - Salesforce' }] } });
    connection = await connectToSimulator(sim);
  });
  afterEach(() => sim.stop());

  const token = async (
    secret = sim.state.consumerSecrets.get('App') ?? '',
    key = sim.state.consumerKeys.get('App') ?? ''
  ): Promise<{ status: number; body: Record<string, string> }> => {
    const response = await fetch(`${sim.instanceUrl}/services/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: key, client_secret: secret }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  };
  const assignReader = async (): Promise<void> => {
    const user = await connection.singleRecordQuery<{ Id: string }>(`SELECT Id FROM User WHERE Username = '${RUN_AS}'`);
    const set = await connection.singleRecordQuery<{ Id: string }>(
      "SELECT Id FROM PermissionSet WHERE Name = 'Reader'"
    );
    await connection.sobject('PermissionSetAssignment').create({ AssigneeId: user.Id, PermissionSetId: set.Id });
  };

  it('refuses a policy whose run-as user does not exist in the org', async () => {
    const result = await deploySource(sim, files('nobody@example.com'));
    expect(failures(result)).toEqual([
      'ExtlClntAppOauthConfigurablePolicies:App_oauthPlcy: In field: clientCredentialsFlowUser - no User named nobody@example.com found',
    ]);
  });

  it('answers each refusal as Salesforce does, then issues a token for the run-as user only', async () => {
    expect((await deploySource(sim, files(undefined))).response.status).toBe('Succeeded');
    expect(await token()).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'no client credentials user enabled' },
    });
    expect((await deploySource(sim, files(RUN_AS))).response.status).toBe('Succeeded');
    expect((await token('wrong')).body).toEqual({
      error: 'invalid_client',
      error_description: 'invalid client credentials',
    });
    expect((await token(undefined, '3MVG9unknown')).body).toEqual({
      error: 'invalid_client_id',
      error_description: 'client identifier invalid',
    });
    expect((await token()).body).toEqual({
      error: 'invalid_app_access',
      error_description: 'user is not admin approved to access this app',
    });
    await assignReader();
    const granted = await token();
    expect(granted.status).toBe(200);
    expect(granted.body.refresh_token).toBeUndefined();
    const info = await fetch(`${granted.body.instance_url ?? ''}/services/oauth2/userinfo`, {
      headers: { authorization: `Bearer ${granted.body.access_token ?? ''}` },
    });
    expect(((await info.json()) as { preferred_username: string }).preferred_username).toBe(RUN_AS);
  });

  it('takes the consumer key and secret by HTTP Basic too, and refuses when the app is off in its global settings', async () => {
    expect((await deploySource(sim, files(RUN_AS))).response.status).toBe('Succeeded');
    await assignReader();
    const basic = Buffer.from(
      `${sim.state.consumerKeys.get('App') ?? ''}:${sim.state.consumerSecrets.get('App') ?? ''}`
    ).toString('base64');
    const response = await fetch(`${sim.instanceUrl}/services/oauth2/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}` },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    expect(response.status).toBe(200);
    expect((await deploySource(sim, files(RUN_AS, false))).response.status).toBe('Succeeded');
    expect((await token()).body).toEqual({
      error: 'invalid_grant',
      error_description: 'client credentials flow not enabled',
    });
  });
});
