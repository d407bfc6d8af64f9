import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { Connection, Lifecycle } from '@salesforce/core';
import { ComponentSet, MetadataApiDeploy } from '@salesforce/source-deploy-retrieve';
import { checkVendors } from '../../src/check';
import { flattenXml } from '../../src/metadata/metadataDiff';
import { addUserPermissions } from '../../src/metadata/renderXml';
import { parseMetadataXml } from '../../src/metadata/xml';
import { retrieveOrgMetadata } from '../../src/org/read/retrieveOrgMetadata';
import { copyProject, removeProject } from '../helpers/projectCopy';
import { connectToSimulator } from './connect';
import { deploySource, failures, permissionSet, xml } from './deploySource';
import { OrgSimulator, startOrgSimulator } from './index';

const APP = (extra = ''): string =>
  xml(
    'ExternalClientApplication',
    `    <contactEmail>a@example.com</contactEmail>\n    <distributionState>Local</distributionState>\n    <label>App</label>\n${extra}`
  );
const POLICY = (name: string, permset: string): Record<string, string> => ({
  [`extlClntAppOauthPolicies/${name}.ecaOauthPlcy-meta.xml`]: xml(
    'ExtlClntAppOauthConfigurablePolicies',
    `    <commaSeparatedPermissionSet>${permset}</commaSeparatedPermissionSet>\n    <externalClientApplication>App</externalClientApplication>\n    <label>${name}</label>\n    <permittedUsersPolicyType>AdminApprovedPreAuthorized</permittedUsersPolicyType>\n`
  ),
});

describe('org simulator: External Client Apps, users and protocol', () => {
  let sim: OrgSimulator;
  let connection: Connection;
  const start = async (options: Parameters<typeof startOrgSimulator>[0] = {}): Promise<void> => {
    Lifecycle.getInstance().onWarning(async () => {});
    sim = await startOrgSimulator(options);
    connection = await connectToSimulator(sim);
  };
  afterEach(() => sim.stop());

  it('refuses the pre-API-63 opt-in field enableExternalClientApps, as an API-64 org does', async () => {
    await start();
    const result = await deploySource(sim, {
      'settings/ExternalClientApp.settings-meta.xml': xml(
        'ExternalClientAppSettings',
        '    <enableExternalClientApps>true</enableExternalClientApps>\n'
      ),
    });
    expect(failures(result)).toEqual([
      'Settings:ExternalClientApp: Error parsing file: Element {http://soap.sforce.com/2006/04/metadata}enableExternalClientApps invalid at this location in type ExternalClientAppSettings',
    ]);
  });

  it('accepts an External Client App with no opt-in at all (none exists at API 64)', async () => {
    await start();
    expect((await deploySource(sim, { 'externalClientApps/App.eca-meta.xml': APP() })).response.status).toBe(
      'Succeeded'
    );
  });

  it('mints the consumer key and auto-creates the OAuth policy when an app comes alone', async () => {
    await start();
    expect((await deploySource(sim, { 'externalClientApps/App.eca-meta.xml': APP() })).response.status).toBe(
      'Succeeded'
    );
    expect(sim.state.consumerKeys.get('App')).toMatch(/^3MVG9/);
    expect(sim.state.components.get('ExtlClntAppOauthConfigurablePolicies:App_oauth_defaultPolicy')?.xml).toContain(
      '<permittedUsersPolicyType>AllSelfAuthorized</permittedUsersPolicyType>'
    );
  });

  it('fails a policy under another name than the one the org holds', async () => {
    await start();
    await deploySource(sim, {
      'externalClientApps/App.eca-meta.xml': APP(),
      'permissionsets/PS.permissionset-meta.xml': permissionSet('PS', []),
    });
    const result = await deploySource(sim, POLICY('App_oauthPlcy', 'PS'));
    expect(failures(result)).toEqual([
      'ExtlClntAppOauthConfigurablePolicies:App_oauthPlcy: duplicate value found: ExternalClientApplicationId duplicates value on App_oauth_defaultPolicy',
    ]);
  });

  it('accepts the app with its policy in one deploy, and checks the policy’s permission sets exist', async () => {
    await start();
    const bad = await deploySource(sim, {
      'externalClientApps/App.eca-meta.xml': APP(),
      ...POLICY('App_oauthPlcy', 'Nope'),
    });
    expect(failures(bad)).toEqual([
      'ExtlClntAppOauthConfigurablePolicies:App_oauthPlcy: In field: commaSeparatedPermissionSet - no PermissionSet named Nope found',
    ]);
    const good = await deploySource(sim, {
      'externalClientApps/App.eca-meta.xml': APP(),
      'permissionsets/PS.permissionset-meta.xml': permissionSet('PS', []),
      ...POLICY('App_oauthPlcy', 'PS'),
    });
    expect(good.response.status).toBe('Succeeded');
  });

  it('rejects a consumer key, a foreign OAuth link and a foreign org-scoped app id', async () => {
    await start();
    await deploySource(sim, { 'externalClientApps/App.eca-meta.xml': APP() });
    const key = await deploySource(sim, {
      'extlClntAppGlobalOauthSets/App_glbloauth.ecaGlblOauth-meta.xml': xml(
        'ExtlClntAppGlobalOauthSettings',
        '    <callbackUrl>http://localhost:1717/OauthRedirect</callbackUrl>\n    <consumerKey>3MVG9x</consumerKey>\n    <externalClientApplication>App</externalClientApplication>\n    <label>g</label>\n'
      ),
    });
    expect(failures(key)).toEqual([
      'ExtlClntAppGlobalOauthSettings:App_glbloauth: You cannot provide a Consumer Key or Consumer Secret: the org generates them',
    ]);
    const link = await deploySource(sim, {
      'extlClntAppOauthSettings/App_oauth.ecaOauth-meta.xml': xml(
        'ExtlClntAppOauthSettings',
        '    <commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>\n    <externalClientApplication>App</externalClientApplication>\n    <label>o</label>\n    <oauthLink>https://other.example.com/link</oauthLink>\n'
      ),
    });
    expect(failures(link)).toEqual([
      "ExtlClntAppOauthSettings:App_oauth: We couldn't update your OAuth link because the external client app doesn't have distribution state PACKAGED",
    ]);
    const scoped = await deploySource(sim, {
      'externalClientApps/App.eca-meta.xml': APP(
        '    <orgScopedExternalApp>00D999999999999:App</orgScopedExternalApp>\n'
      ),
    });
    expect(failures(scoped)[0]).toContain(
      'The Org Scoped External Client App must be in the format DeveloperOrganizationId:'
    );
  });

  it('checks package.xml against the zip', async () => {
    await start();
    const zip = new JSZip();
    zip.file(
      'package.xml',
      xml(
        'Package',
        '    <types>\n        <members>Ghost</members>\n        <name>PermissionSet</name>\n    </types>\n    <types>\n        <members>X</members>\n        <name>Gadget</name>\n    </types>\n    <version>64.0</version>\n'
      )
    );
    const zipPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zip-')), 'bad.zip');
    fs.writeFileSync(zipPath, await zip.generateAsync({ type: 'nodebuffer' }));
    const deploy = new MetadataApiDeploy({ usernameOrConnection: connection, zipPath, components: new ComponentSet() });
    await deploy.start();
    const result = await deploy.pollStatus(20, 30);
    expect(result.response.status).toBe('Failed');
    const problems = [result.response.details?.componentFailures ?? []].flat().map((f) => f.problem);
    expect(problems).toEqual([
      "Unknown type name 'Gadget' specified in package.xml",
      "An object 'Ghost' of type PermissionSet was named in package.xml, but was not found in zipped directory",
    ]);
  });

  it('answers duplicate assignments, missing PSLs, full licences and taken usernames as an org does', async () => {
    await start({ shape: 'developer' });
    await deploySource(sim, {
      'permissionsets/Reco.permissionset-meta.xml': permissionSet(
        'Reco',
        ['ViewSetup', 'ViewRoles'],
        '    <license>Salesforce API Integration</license>\n'
      ),
    });
    const profile = (
      await connection.query<{ Id: string }>(
        "SELECT Id FROM Profile WHERE Name = 'Minimum Access - API Only Integrations'"
      )
    ).records[0]?.Id;
    const user = {
      Username: 'u@sim.example.com',
      LastName: 'U',
      Email: 'u@sim.example.com',
      Alias: 'u',
      TimeZoneSidKey: 'GMT',
      LocaleSidKey: 'en_US',
      EmailEncodingKey: 'UTF-8',
      LanguageLocaleKey: 'en_US',
      ProfileId: profile,
    };
    const created = await connection.sobject('User').create(user);
    await expect(connection.sobject('User').create({ ...user, Username: 'v@sim.example.com' })).rejects.toMatchObject({
      errorCode: 'LICENSE_LIMIT_EXCEEDED',
      message: 'License Limit Exceeded: no Salesforce Integration licenses are available',
    });
    await expect(connection.sobject('User').create(user)).rejects.toMatchObject({ errorCode: 'DUPLICATE_USERNAME' });
    const setId = (await connection.query<{ Id: string }>("SELECT Id FROM PermissionSet WHERE Name = 'Reco'"))
      .records[0]?.Id;
    await expect(
      connection.sobject('PermissionSetAssignment').create({ AssigneeId: created.id, PermissionSetId: setId })
    ).rejects.toMatchObject({
      errorCode: 'FIELD_INTEGRITY_EXCEPTION',
      message:
        "Can't assign permission set Reco to user u@sim.example.com. The user license doesn't allow the permission: Salesforce API Integration",
    });
    const psl = (
      await connection.query<{ Id: string }>(
        "SELECT Id FROM PermissionSetLicense WHERE DeveloperName = 'SalesforceAPIIntegrationPsl'"
      )
    ).records[0]?.Id;
    await connection
      .sobject('PermissionSetLicenseAssign')
      .create({ AssigneeId: created.id, PermissionSetLicenseId: psl });
    await expect(
      connection.sobject('PermissionSetLicenseAssign').create({ AssigneeId: created.id, PermissionSetLicenseId: psl })
    ).rejects.toMatchObject({ errorCode: 'DUPLICATE_VALUE' });
    await connection.sobject('PermissionSetAssignment').create({ AssigneeId: created.id, PermissionSetId: setId });
    await expect(
      connection.sobject('PermissionSetAssignment').create({ AssigneeId: created.id, PermissionSetId: setId })
    ).rejects.toMatchObject({
      errorCode: 'DUPLICATE_VALUE',
      message: `Duplicate PermissionSetAssignment. Assignee: ${created.id}; Permission Set: ${setId as string}`,
    });
  });

  it('requires the session token on SOAP and REST, and names unknown columns', async () => {
    await start();
    await expect(connection.query('SELECT Id, Nickname__x FROM User')).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD',
    });
    const response = await fetch(`${sim.instanceUrl}/services/data/v64.0/query?q=SELECT+Id+FROM+User`, {
      headers: { authorization: 'Bearer 00D000000000001!wrong' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    const soap = await fetch(`${sim.instanceUrl}/services/Soap/m/64.0`, {
      method: 'POST',
      body: '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header><SessionHeader><sessionId>nope</sessionId></SessionHeader></soapenv:Header><soapenv:Body><listMetadata/></soapenv:Body></soapenv:Envelope>',
    });
    expect(soap.status).toBe(500);
    expect(await soap.text()).toContain('<faultcode>sf:INVALID_SESSION_ID</faultcode>');
  });

  it('takes this project’s whole force-app (both vendors, example values) and reads it back identical', async () => {
    await start({ shape: 'enterprise-shield' });
    const dir = copyProject();
    try {
      const checked = await checkVendors({
        projectDir: dir,
        vendors: ['all'],
        valuesFile: 'config/orgs/example.json',
        env: {},
      });
      expect(checked.ok).toBe(true);
      const sent = new Map<string, string>();
      for (const vendor of checked.vendors) {
        const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, vendor.zipPath)));
        for (const name of Object.keys(zip.files))
          if (!zip.files[name]?.dir && name !== 'package.xml')
            sent.set(name, (await zip.file(name)?.async('string')) ?? '');
      }
      // In a Shield org View All Data also requires the Event Monitoring permissions; deploy adds them from
      // the org's PermissionDependency, and so does this raw deploy, the same way.
      const ispm = 'permissionsets/ISPM_SFDC_integration_permission.permissionset';
      sent.set(
        ispm,
        addUserPermissions(sent.get(ispm) ?? '', ['ViewEventLogFiles', 'ViewPlatformEvents', 'ViewDataLeakageEvents'])
      );
      const zip = new JSZip();
      const members = [...sent.keys()].map((k) => ({
        dir: k.split('/')[0] as string,
        name: (k.split('/')[1] ?? '').replace(/\.[^.]+$/, ''),
      }));
      const typeOf: Record<string, string> = {
        permissionsets: 'PermissionSet',
        settings: 'Settings',
        externalClientApps: 'ExternalClientApplication',
        extlClntAppGlobalOauthSets: 'ExtlClntAppGlobalOauthSettings',
        extlClntAppOauthSettings: 'ExtlClntAppOauthSettings',
        extlClntAppOauthPolicies: 'ExtlClntAppOauthConfigurablePolicies',
        extlClntAppPolicies: 'ExtlClntAppConfigurablePolicies',
      };
      const byType = new Map<string, string[]>();
      for (const m of members)
        byType.set(typeOf[m.dir] ?? m.dir, [...(byType.get(typeOf[m.dir] ?? m.dir) ?? []), m.name]);
      zip.file(
        'package.xml',
        xml(
          'Package',
          `${[...byType]
            .map(
              ([t, ns]) =>
                `    <types>\n${ns
                  .map((n) => `        <members>${n}</members>\n`)
                  .join('')}        <name>${t}</name>\n    </types>\n`
            )
            .join('')}    <version>64.0</version>\n`
        )
      );
      for (const [name, content] of sent) zip.file(name, content);
      const zipPath = path.join(dir, 'all.zip');
      fs.writeFileSync(zipPath, await zip.generateAsync({ type: 'nodebuffer' }));
      const deploy = new MetadataApiDeploy({
        usernameOrConnection: connection,
        zipPath,
        components: new ComponentSet(),
      });
      await deploy.start();
      const result = await deploy.pollStatus(20, 30);
      expect([result.response.details?.componentFailures ?? []].flat().map((f) => f.problem)).toEqual([]);
      expect(result.response.status).toBe('Succeeded');
      const back = await retrieveOrgMetadata(
        connection,
        members.map((m) => ({ type: typeOf[m.dir] as string, fullName: m.name }))
      );
      for (const [name, content] of sent) {
        const theirs = parseMetadataXml(back.get(name) ?? '');
        const ours = parseMetadataXml(content);
        expect(theirs.ok && ours.ok).toBe(true);
        if (!theirs.ok || !ours.ok) continue;
        const read = flattenXml(theirs.node);
        // The one value the org adds: the consumer key it minted for the app (never the secret).
        if (name.startsWith('extlClntAppGlobalOauthSets/')) {
          expect(read.get('consumerKey')).toBe(sim.state.consumerKeys.get('ISPM_SFDC_Integration'));
          read.delete('consumerKey');
        }
        expect([name, read]).toEqual([name, flattenXml(ours.node)]);
      }
    } finally {
      removeProject(dir);
    }
  });
});
