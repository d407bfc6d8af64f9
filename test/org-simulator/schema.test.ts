import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Lifecycle } from '@salesforce/core';
import { retrieveOrgMetadata } from '../../src/org/read/retrieveOrgMetadata';
import { connectToSimulator } from './connect';
import { deploySource, failures, permissionSet, xml } from './deploySource';
import { createOrgState, holdComponent, settingsXml } from './orgState';
import { fileSchemaProblems } from './rules/schemaRules';
import { SHAPES } from './shapes';
import { OrgSimulator, startOrgSimulator } from './index';

const NS = '{http://soap.sforce.com/2006/04/metadata}';
const APP = (state: string): string =>
  xml(
    'ExternalClientApplication',
    `    <contactEmail>a@example.com</contactEmail>\n    <distributionState>${state}</distributionState>\n    <label>App</label>\n`
  );

/**
 * The simulated org follows Salesforce's published Metadata API schema (config/salesforce/metadata-schema.json,
 * generated from @salesforce/types) in what it accepts, holds and returns: the texts are what
 * `sf project deploy start` shows.
 */
describe('org simulator: Salesforce’s published schema decides', () => {
  let sim: OrgSimulator;
  const start = async (options: Parameters<typeof startOrgSimulator>[0] = {}): Promise<void> => {
    Lifecycle.getInstance().onWarning(async () => {});
    sim = await startOrgSimulator(options);
  };
  afterEach(() => sim?.stop());

  it('refuses an element the nested type lacks, naming the nested type', async () => {
    await start();
    const body =
      '    <label>P</label>\n    <userPermissions>\n        <enabled>true</enabled>\n        <grantedBy>Admin</grantedBy>\n        <name>ApiEnabled</name>\n    </userPermissions>\n';
    const result = await deploySource(sim, { 'permissionsets/P.permissionset-meta.xml': xml('PermissionSet', body) });
    expect(failures(result)).toEqual([
      `PermissionSet:P: Error parsing file: Element ${NS}grantedBy invalid at this location in type PermissionSetUserPermission`,
    ]);
    expect(sim.state.components.has('PermissionSet:P')).toBe(false);
  });

  it('refuses enum values the enum lacks (ExtlClntAppDistState, PermittedUsersPolicyType)', async () => {
    await start();
    expect(failures(await deploySource(sim, { 'externalClientApps/App.eca-meta.xml': APP('Public') }))).toEqual([
      "ExternalClientApplication:App: Error parsing file: 'Public' is not a valid value for the enum 'ExtlClntAppDistState'",
    ]);
    const policy = xml(
      'ExtlClntAppOauthConfigurablePolicies',
      '    <externalClientApplication>App</externalClientApplication>\n    <label>p</label>\n    <permittedUsersPolicyType>AdminApproved</permittedUsersPolicyType>\n'
    );
    const result = await deploySource(sim, {
      'externalClientApps/App.eca-meta.xml': APP('Local'),
      'extlClntAppOauthPolicies/App_oauthPlcy.ecaOauthPlcy-meta.xml': policy,
    });
    expect(failures(result)).toEqual([
      "ExtlClntAppOauthConfigurablePolicies:App_oauthPlcy: Error parsing file: 'AdminApproved' is not a valid value for the enum 'PermittedUsersPolicyType'",
    ]);
  });

  it('refuses a boolean that is not true/false, a number that is not numeric, and a single element given twice', async () => {
    await start({ shape: 'enterprise-shield' });
    const yes = await deploySource(sim, {
      'permissionsets/P.permissionset-meta.xml': permissionSet('P', []).replace(
        '    <label>P</label>\n',
        '    <hasActivationRequired>yes</hasActivationRequired>\n    <label>P</label>\n'
      ),
    });
    expect(failures(yes)).toEqual([
      "PermissionSet:P: Error parsing file: 'yes' is not a valid value for the type xsd:boolean",
    ]);
    const days = await deploySource(sim, {
      'settings/Event.settings-meta.xml': xml(
        'EventSettings',
        '    <eventLogRetentionDuration>ten</eventLogRetentionDuration>\n'
      ),
    });
    expect(failures(days)).toEqual([
      "Settings:Event: Error parsing file: 'ten' is not a valid value for the type xsd:double",
    ]);
    const twice = await deploySource(sim, {
      'permissionsets/P.permissionset-meta.xml': permissionSet('P', []).replace(
        '    <label>P</label>\n',
        '    <label>P</label>\n    <label>Q</label>\n'
      ),
    });
    expect(failures(twice)).toEqual([
      'PermissionSet:P: Error parsing file: Element label is duplicated at this location in type PermissionSet',
    ]);
  });

  it('refuses repeated elements that do not stand together, and required fields left out', async () => {
    await start();
    const perm = (name: string): string =>
      `    <userPermissions>\n        <enabled>true</enabled>\n        <name>${name}</name>\n    </userPermissions>\n`;
    const split = await deploySource(sim, {
      'permissionsets/P.permissionset-meta.xml': xml(
        'PermissionSet',
        `${perm('ApiEnabled')}    <label>P</label>\n${perm('ViewRoles')}`
      ),
    });
    expect(failures(split)).toEqual([
      'PermissionSet:P: Error parsing file: Element userPermissions is duplicated at this location in type PermissionSet',
    ]);
    const unlabelled = await deploySource(sim, {
      'permissionsets/P.permissionset-meta.xml': xml(
        'PermissionSet',
        '    <userPermissions>\n        <name>ApiEnabled</name>\n    </userPermissions>\n'
      ),
    });
    expect(failures(unlabelled)).toEqual([
      'PermissionSet:P: Required field is missing: enabled',
      'PermissionSet:P: Required field is missing: label',
    ]);
  });

  it('refuses the pre-API-63 opt-in field in a seed: no org at API 64 can hold it', () => {
    const seed = {
      components: [
        {
          type: 'Settings',
          fullName: 'ExternalClientApp',
          path: 'settings/ExternalClientApp.settings',
          xml: settingsXml('ExternalClientApp', '    <enableExternalClientApps>true</enableExternalClientApps>\n'),
        },
      ],
    };
    expect(() => createOrgState('enterprise', seed)).toThrow(
      `org simulator seed: component Settings:ExternalClientApp holds what Salesforce's Metadata API schema (@salesforce/types 1.9.0) lacks, so no org could hold it: Error parsing file: Element ${NS}enableExternalClientApps invalid at this location in type ExternalClientAppSettings`
    );
  });

  it('refuses a seeded permission set with a misspelt element, and a seed whose root is not its type', () => {
    const misspelt = {
      type: 'PermissionSet',
      fullName: 'Old',
      path: 'permissionsets/Old.permissionset',
      xml: permissionSet('Old', [], '    <licence>Salesforce</licence>\n'),
    };
    expect(() => createOrgState('enterprise', { components: [misspelt] })).toThrow(
      `Error parsing file: Element ${NS}licence invalid at this location in type PermissionSet`
    );
    const wrongRoot = {
      type: 'Settings',
      fullName: 'Security',
      path: 'settings/Security.settings',
      xml: settingsXml('Event', ''),
    };
    expect(() => createOrgState('enterprise', { components: [wrongRoot] })).toThrow(
      `Error parsing file: Element ${NS}EventSettings invalid at this location in type SecuritySettings`
    );
  });

  it('never holds what the schema lacks, however a component arrives', () => {
    const state = createOrgState('enterprise');
    expect(() =>
      holdComponent(state, {
        type: 'Settings',
        fullName: 'Event',
        path: 'settings/Event.settings',
        xml: settingsXml('Event', '    <enableEventMonitoring>true</enableEventMonitoring>\n'),
      })
    ).toThrow(/does not follow Salesforce's Metadata API schema/);
  });

  it('reads schema data that is exactly what the generator writes from the installed @salesforce/types', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-'));
    try {
      const root = path.join(__dirname, '..', '..');
      execFileSync(
        process.execPath,
        [path.join(root, 'scripts', 'generate-metadata-schema.js'), path.join(dir, 'fields.json')],
        { cwd: root }
      );
      expect(fs.readFileSync(path.join(dir, 'fields.json'), 'utf8')).toBe(
        fs.readFileSync(path.join(root, 'config', 'salesforce', 'metadata-schema.json'), 'utf8')
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(Object.keys(SHAPES))('starts an org of shape %s holding only schema-valid components', (shape) => {
    const state = createOrgState(shape);
    const problems = [...state.components.values()].flatMap((c) => fileSchemaProblems(c.type, c.fullName, c.xml));
    expect([state.components.size > 0, problems]).toEqual([true, []]);
  });

  it('validates a retrieve before it answers: a component that escaped the checks is never returned', async () => {
    await start();
    sim.state.components.set('Settings:Security', {
      type: 'Settings',
      fullName: 'Security',
      path: 'settings/Security.settings',
      xml: settingsXml('Security', '    <trustedIpRanges>1.2.3.4</trustedIpRanges>\n'),
    });
    await expect(
      retrieveOrgMetadata(await connectToSimulator(sim), [{ type: 'Settings', fullName: 'Security' }])
    ).rejects.toThrow();
    const retrieves = sim.requests.filter((r) => r.soapOp === 'retrieve');
    expect(retrieves.length).toBeGreaterThan(0);
    expect(retrieves.every((r) => r.status === 500)).toBe(true);
  });
});
