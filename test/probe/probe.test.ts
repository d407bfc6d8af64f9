import fs from 'node:fs';
import path from 'node:path';
import { SfProject } from '@salesforce/core';
import { ComponentSetBuilder } from '@salesforce/source-deploy-retrieve';
import { calls, run, useSimulatedOrg } from '../helpers/simulatedOrg';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { loadShapeFile, OrgShape, startOrgSimulator, OrgSimulator } from '../org-simulator';
import { connectToSimulator, loginWithAlias } from '../org-simulator/connect';
import { failures } from '../org-simulator/deploySource';
import { builtInShape } from '../org-simulator/shapes';

const SHIELD = builtInShape('enterprise-shield') as OrgShape;
const FILE = 'out/probe/shield.shape.json';

/** Every request a read-only command may send: GETs, and the Metadata API's read operations. */
const writesIn = (sim: OrgSimulator): string[] =>
  calls(sim).filter((c) => !c.startsWith('GET ') && !['retrieve', 'checkRetrieveStatus', 'listMetadata'].includes(c));

/** The facts of a shape as a test compares them (header and order aside). */
const facts = (shape: OrgShape): Record<string, unknown> => ({
  edition: shape.edition,
  sandbox: shape.sandbox,
  permissions: shape.permissions,
  dependencies: Object.fromEntries(Object.entries(shape.dependencies).map(([p, r]) => [p, [...r].sort()])),
  objects: [...shape.objects].sort(),
  userLicences: [...shape.userLicences].sort((a, b) => a.name.localeCompare(b.name)),
  permissionSetLicences: shape.permissionSetLicences,
  profiles: [...shape.profiles].sort((a, b) => `${a.licence} ${a.name}`.localeCompare(`${b.licence} ${b.name}`)),
  realTimeEvents: [...shape.realTimeEvents].sort(),
});

/** What of the built-in shape the catalogue reaches: the facts probe is meant to record. */
const reachable = (shape: OrgShape, probed: OrgShape): Record<string, unknown> => {
  const closure = new Set(Object.keys(probed.dependencies).concat(Object.values(probed.dependencies).flat()));
  const walk = (p: string): void => {
    for (const r of shape.dependencies[p] ?? [])
      if (!closure.has(r)) {
        closure.add(r);
        walk(r);
      }
  };
  [...closure].forEach(walk);
  return facts({
    ...shape,
    dependencies: Object.fromEntries(Object.entries(shape.dependencies).filter(([p]) => closure.has(p))),
    objects: shape.objects.filter((o) => o.endsWith('EventStore')),
    permissionSetLicences: shape.permissionSetLicences.map((p) => ({
      ...p,
      deniedPermissions: p.deniedPermissions.filter((d) => closure.has(d)).sort(),
    })),
  });
};

describe('vendor-access probe against the simulator in the Shield shape', () => {
  const project = useProjectCopyAsCwd();
  // The simulator's org holds RealTimeEventSettings listing every offered entity, none enabled (the
  // product's and the simulator's unverified belief about a retrieve, which probe records from a real org).
  const sim = useSimulatedOrg('shield', () => ({ shape: 'enterprise-shield' }));

  it('records the facts of the Shield shape the product depends on, sending nothing that writes', async () => {
    const { code, out } = await run('probe', '-o', 'shield', '--output', FILE);
    expect(code).toBe(0);
    expect(out).toContain(`shield: probed; 12 fact(s) recorded, 1 unknown. Shape written to ${FILE}`);
    expect(out).toContain('permissions by label: "View Event Log Object Data" is not in this org');
    expect(out).toContain('unknown globalOauthRetrieve: the org holds none of ISPM_SFDC_Integration_glbloauth yet');
    expect(writesIn(sim())).toEqual([]);
    expect(calls(sim())).toEqual(
      expect.arrayContaining([
        'GET /services/data/vXX/tooling/query',
        'GET /services/data/vXX/sobjects/PermissionSet/describe',
        'retrieve',
      ])
    );
    const probed = loadShapeFile(path.join(project(), FILE));
    expect(facts(probed)).toEqual(reachable(SHIELD, probed));
    expect(probed.dependencies.ViewAllData).toEqual(
      expect.arrayContaining(['ViewEventLogFiles', 'ViewPlatformEvents', 'ViewDataLeakageEvents'])
    );
    expect(probed.realTimeEventsEnabled).toEqual([]);
    expect(probed.source).toMatch(/^vendor-access probe, API 64\.0: read-only/);
    expect(Date.parse(probed.probedAt ?? '')).not.toBeNaN();
  });

  it('says which output it cannot write, exit 1', async () => {
    const loggedIn = calls(sim()).length;
    const { code, out } = await run('probe', '-o', 'shield', '--output', 'sfdx-project.json/shape.json');
    expect(code).toBe(1);
    expect(out).toContain(
      'Error (OutputPathBlockedError): Cannot write to sfdx-project.json/shape.json: sfdx-project.json is a file, not a folder.'
    );
    expect(out).toContain('Move or delete that file');
    // Found before the org is contacted.
    expect(calls(sim()).slice(loggedIn)).toEqual([]);
  });

  it('writes a file that holds no username, email, token or consumer key', async () => {
    expect((await run('deploy', '-o', 'shield', '--values', 'config/orgs/example.json')).code).toBe(0);
    const keys = [...sim().state.consumerKeys.values()];
    expect(keys).toHaveLength(1);
    const { code, json } = await run('probe', '-o', 'shield', '--output', FILE, '--json');
    expect(code).toBe(0);
    const text = fs.readFileSync(path.join(project(), FILE), 'utf8');
    for (const secret of [sim().username, sim().accessToken, sim().accessToken.split('!')[1] ?? '', ...keys])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/@/);
    expect(text).not.toMatch(/<certificate>|BEGIN CERTIFICATE|consumerKey": "/);
    // A retrieve of the global OAuth settings returns both here; the file says so with booleans only.
    const probed = loadShapeFile(path.join(project(), FILE));
    expect(probed.globalOauthRetrieve).toEqual({ certificate: true, consumerKey: true });
    // Reco_Integration, now in the org, shows the <license> text files use for the API Integration PSL.
    expect(probed.permissionSetLicences.map((p) => [p.developerName, p.licenseInFiles])).toEqual([
      ['SalesforceAPIIntegrationPsl', 'Salesforce API Integration'],
    ]);
    expect((json() as { result: { file: string } }).result.file).toBe(FILE);
  });

  it('a simulator served from the probed file has the same facts: probing it gives the same shape', async () => {
    expect((await run('probe', '-o', 'shield', '--output', FILE)).code).toBe(0);
    const copy = await startOrgSimulator({ shapeFile: path.join(project(), FILE) });
    try {
      await loginWithAlias(copy, 'copy');
      expect((await run('probe', '-o', 'copy', '--output', 'out/probe/copy.json')).code).toBe(0);
      const first = loadShapeFile(path.join(project(), FILE));
      const second = loadShapeFile(path.join(project(), 'out/probe/copy.json'));
      expect(facts(second)).toEqual(facts(first));
      expect({ ...second, name: '', probedAt: '' }).toEqual({ ...first, name: '', probedAt: '' });
    } finally {
      await copy.stop();
    }
  });
});

describe.each([
  ['enterprise-shield', 'ViewEventLogFiles'],
  ['enterprise', undefined],
] as const)(
  'plan, stage, deploy, a second deploy and verify against a simulator served from a file probed from the %s shape',
  (shape, closureAdds) => {
    const project = useProjectCopyAsCwd();
    const sim = useSimulatedOrg('source', () => ({ shape }));

    it('work for both vendors as against the original', async () => {
      expect((await run('probe', '-o', 'source', '--output', FILE)).code).toBe(0);
      expect(writesIn(sim())).toEqual([]);
      const copy = await startOrgSimulator({ shapeFile: path.join(project(), FILE) });
      try {
        await loginWithAlias(copy, 'probed');
        const plan = await run('plan', '-o', 'probed', '--values', 'config/orgs/example.json');
        expect(plan.code).toBe(0);
        expect(plan.out).toContain('create permissionsets/Reco_Integration.permissionset');
        // The raw sf path: stage, then the staged folder deploys through SDR as `sf project deploy start` would.
        expect(
          (
            await run(
              'stage',
              '-o',
              'probed',
              '--values',
              'config/orgs/example.json',
              '--output-dir',
              'out/stage/probed'
            )
          ).code
        ).toBe(0);
        SfProject.clearInstances();
        const staged = path.join(project(), 'out/stage/probed');
        const set = await ComponentSetBuilder.build({
          sourcepath: [path.join(staged, 'force-app')],
          projectDir: staged,
        });
        const result = await (
          await set.deploy({
            usernameOrConnection: await connectToSimulator(copy),
            apiOptions: { rollbackOnError: true },
          })
        ).pollStatus(20, 60);
        expect(failures(result)).toEqual([]);
        const deploy = await run('deploy', '-o', 'probed', '--values', 'config/orgs/example.json');
        expect(deploy.code).toBe(0);
        expect(deploy.out).toMatch(/probed \(.*\): SUCCEEDED/);
        const reco = copy.state.components.get('PermissionSet:Reco_Integration')?.xml ?? '';
        if (closureAdds) {
          expect(deploy.out).toContain(
            `note: ISPM_SFDC_integration_permission: ViewAllData requires ${closureAdds} (View Event Log Files) in this org (the org's PermissionDependency); added.`
          );
          expect(reco).toContain('<object>ApiAnomalyEventStore</object>');
        } else {
          expect(deploy.out).toContain('without: reco: this org has no Event Monitoring');
          expect(reco).not.toContain('<objectPermissions>');
        }
        expect((await run('deploy', '-o', 'probed', '--values', 'config/orgs/example.json')).code).toBe(0);
        expect((await run('verify', '-o', 'probed', '--values', 'config/orgs/example.json')).out).toContain(
          'probed: VERIFIED'
        );
      } finally {
        await copy.stop();
      }
    });
  }
);

describe('every fact a shape can carry survives the round trip through probe', () => {
  const project = useProjectCopyAsCwd();
  const rich: OrgShape = {
    ...SHIELD,
    name: 'rich',
    sandbox: { name: 'uat' },
    otherDependencies: [
      {
        permission: 'PermissionsViewSetup',
        permissionType: 'User Permission',
        requiredPermission: 'PermissionsViewRoles',
        requiredPermissionType: 'User Permission',
      },
    ],
    realTimeEventsEnabled: ['ApiAnomalyEventStore'],
    externalClientAppSettings: { enableClientSecretInRestApiAccess: 'false' },
    globalOauthRetrieve: { certificate: false, consumerKey: false },
  };
  useSimulatedOrg('rich', () => ({ shape: rich }));

  it('records held settings, rows in another name form, what a retrieve leaves out, and a sandbox it cannot name', async () => {
    expect((await run('deploy', '-o', 'rich', '--values', 'config/orgs/example.json', '--vendor', 'ispm')).code).toBe(
      0
    );
    const { code, out } = await run('probe', '-o', 'rich', '--output', FILE);
    expect(code).toBe(0);
    const probed = loadShapeFile(path.join(project(), FILE));
    expect(probed.otherDependencies).toEqual(rich.otherDependencies);
    expect(probed.realTimeEventsEnabled).toEqual(['ApiAnomalyEventStore']);
    expect(probed.externalClientAppSettings).toEqual({ enableClientSecretInRestApiAccess: 'false' });
    expect(probed.globalOauthRetrieve).toEqual({ certificate: false, consumerKey: false });
    expect(out).toContain('global OAuth settings retrieve: returns the certificate: no; returns the consumer key: no');
    // The simulator's URL is 127.0.0.1: a real sandbox's My Domain URL carries its name.
    expect(probed.unknown?.sandbox).toBe(
      'Organization.IsSandbox is true, but the instance URL does not carry the sandbox name'
    );
  });
});

describe('reads the org refuses', () => {
  const project = useProjectCopyAsCwd();
  const refused = {
    ...SHIELD,
    unknown: { dependencies: 'INSUFFICIENT_ACCESS: insufficient access rights on cross-reference id' },
  };
  const sim = useSimulatedOrg('locked', () => ({ shape: refused }));

  it('are recorded as unknown with the org’s answer, and the probe goes on', async () => {
    const { code, out } = await run('probe', '-o', 'locked', '--output', FILE);
    expect(code).toBe(0);
    expect(out).toContain(
      'unknown dependencies: INSUFFICIENT_ACCESS: insufficient access rights on cross-reference id'
    );
    const text = JSON.parse(fs.readFileSync(path.join(project(), FILE), 'utf8')) as Record<string, unknown>;
    expect(text.dependencies).toBe('unknown: INSUFFICIENT_ACCESS: insufficient access rights on cross-reference id');
    expect(text.permissions).toEqual(SHIELD.permissions);
  });

  it('fails with exit 1, writing nothing, when the org refuses every read', async () => {
    sim().faults.set({ expireSessionFromCall: 1 });
    const { code, out } = await run('probe', '-o', 'locked', '--output', FILE);
    expect(code).toBe(1);
    expect(out).toContain(
      'Error (ProbeRefusedError): The org refused every read, so locked has nothing to record: INVALID_SESSION_ID: Session expired or invalid'
    );
    expect(fs.existsSync(path.join(project(), FILE))).toBe(false);
  });
});
