import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SfProject } from '@salesforce/core';
import { ComponentSet, ComponentSetBuilder, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { loadVendors, Vendor } from '../../src/catalogue';
import { buildDeployWorkspace, workspaceForceignore, WorkspacePlan } from '../../src/org/plan/deployWorkspace';
import {
  addUserPermissions,
  removePermissions,
  renderRealTimeEventSettings,
  renderSecuritySettings,
} from '../../src/metadata/renderXml';
import { listFiles, toPosix } from '../../src/metadata/listFiles';
import { loadOrgValues } from '../../src/values';
import { run, useSimulatedOrg } from '../helpers/simulatedOrg';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { copyProject, PROJECT_ROOT, removeProject } from '../helpers/projectCopy';

/**
 * The oracle: what one org received before conversions were shared. A copy of the project per org
 * with the org's edits made to the source, converted by SDR with the values in process.env (the
 * way SDR reads replaceWithEnv) and the certificate at the replaceWithFile path.
 */
const convertEditedCopy = async (plan: WorkspacePlan): Promise<Map<string, string>> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oracle-'));
  const saved = { ...process.env };
  try {
    const project = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'sfdx-project.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const dirs = [...plan.vendors.map((v) => v.relDir)];
    if (plan.trustedRanges ?? plan.hardenedProfiles?.length) dirs.push('vendor-access-generated');
    fs.writeFileSync(
      path.join(dir, 'sfdx-project.json'),
      JSON.stringify({
        ...project,
        packageDirectories: dirs.map((p, i) => ({ path: p, ...(i ? {} : { default: true }) })),
      })
    );
    fs.writeFileSync(
      path.join(dir, '.forceignore'),
      workspaceForceignore(
        fs.readFileSync(path.join(PROJECT_ROOT, '.forceignore'), 'utf8'),
        plan.vendors,
        plan.trustedRanges !== undefined
      )
    );
    for (const vendor of plan.vendors) {
      fs.cpSync(vendor.dir, path.join(dir, vendor.relDir), { recursive: true });
      for (const ref of vendor.permissionSets) {
        const extra = plan.extraPermissions.get(ref.name) ?? [];
        const omitted = plan.omitted?.get(ref.name);
        const file = path.join(dir, vendor.relDir, ref.file);
        let xml = fs.readFileSync(file, 'utf8');
        if (omitted) xml = removePermissions(xml, omitted.permissions, omitted.objects);
        if (extra.length) xml = addUserPermissions(xml, extra);
        fs.writeFileSync(file, xml);
      }
      const events = plan.eventManager?.get(vendor.name);
      if (events)
        fs.writeFileSync(path.join(dir, vendor.relDir, events.file), renderRealTimeEventSettings(events.entities));
      for (const file of listFiles(path.join(dir, vendor.relDir))) {
        const match = /^(.+?)(\.[A-Za-z]+-meta\.xml)$/.exec(path.basename(file));
        const to = match ? plan.renames.get(match[1] as string) : undefined;
        if (match && to) fs.renameSync(file, path.join(path.dirname(file), `${to}${match[2] as string}`));
      }
    }
    if (plan.trustedRanges) {
      const settings = path.join(dir, 'vendor-access-generated/main/default/settings');
      fs.mkdirSync(settings, { recursive: true });
      fs.writeFileSync(path.join(settings, 'Security.settings-meta.xml'), renderSecuritySettings(plan.trustedRanges));
    }
    for (const file of plan.hardenedProfiles ?? []) {
      const profiles = path.join(dir, 'vendor-access-generated/main/default/profiles');
      fs.mkdirSync(profiles, { recursive: true });
      fs.copyFileSync(file, path.join(profiles, path.basename(file)));
    }
    for (const values of plan.values) {
      Object.assign(process.env, values.env);
      for (const f of values.replacementFiles) {
        fs.mkdirSync(path.dirname(path.join(dir, f.to)), { recursive: true });
        fs.writeFileSync(path.join(dir, f.to), f.content);
      }
    }
    process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT = 'true';
    SfProject.clearInstances();
    const set = await ComponentSetBuilder.build({ sourcepath: dirs.map((d) => path.join(dir, d)), projectDir: dir });
    const kept = set.toArray().filter((c) => !plan.exclude?.has(`${c.type.name}:${c.fullName}`));
    const components = new ComponentSet(kept);
    components.projectDirectory = dir;
    if (set.sourceApiVersion) components.sourceApiVersion = set.sourceApiVersion;
    const out = path.join(dir, 'converted');
    await new MetadataConverter().convert(components, 'metadata', {
      type: 'directory',
      outputDirectory: out,
      genUniqueDir: false,
    });
    return new Map(listFiles(out).map((f) => [toPosix(path.relative(out, f)), fs.readFileSync(f, 'utf8')]));
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

const sorted = (m: Map<string, string>): Array<[string, string]> => [...m].sort(([a], [b]) => (a < b ? -1 : 1));

describe('one shared conversion gives each org exactly what its own conversion gave', () => {
  let vendors: Vendor[];
  let base: WorkspacePlan;
  beforeAll(async () => {
    vendors = loadVendors(PROJECT_ROOT).vendors;
    const { values } = await loadOrgValues('config/orgs/example.json', vendors, {
      projectDir: PROJECT_ROOT,
      env: { ISPM_CONTACT_EMAIL: 'security-team@example.com' },
    });
    if (!values) throw new Error('example values invalid');
    base = { vendors, values: Object.values(values.vendors), extraPermissions: new Map(), renames: new Map() };
  });

  const reco = (): Vendor => vendors.find((v) => v.name === 'reco') as Vendor;
  const ispm = (): Vendor => vendors.find((v) => v.name === 'ispm') as Vendor;
  const plans: Array<[string, () => WorkspacePlan]> = [
    ['a fresh production org', (): WorkspacePlan => base],
    [
      'an org holding its own ranges and the auto-created policy, needing one more permission',
      (): WorkspacePlan => ({
        ...base,
        extraPermissions: new Map([['ISPM_SFDC_integration_permission', ['ViewEventLogFiles']]]),
        trustedRanges: [
          { start: '198.51.100.0', end: '198.51.100.255', description: 'Head office' },
          { start: '18.98.16.160', end: '18.98.16.191', description: 'ISPM IP number 1' },
        ],
        renames: new Map([['ISPM_SFDC_Integration_oauthPlcy', 'ISPM_SFDC_Integration_oauth_defaultPolicy']]),
      }),
    ],
    [
      'an org without Event Monitoring (permissions, objects and settings left out) and its own Event Manager entities',
      (): WorkspacePlan => ({
        ...base,
        omitted: new Map([
          ['Reco_Integration', { permissions: ['ViewEventLogFiles'], objects: ['ApiAnomalyEventStore'] }],
        ]),
        exclude: new Set(['Settings:Event']),
        eventManager: new Map([
          ['reco', { file: 'main/default/settings/RealTimeEvent.settings-meta.xml', entities: ['ApiEvent'] }],
        ]),
      }),
    ],
    [
      'an org in hardened mode with merged ranges, one vendor only',
      (): WorkspacePlan => ({
        ...base,
        vendors: [ispm()],
        values: base.values.filter((v) => v.vendor === 'ispm'),
        trustedRanges: [{ start: '18.98.16.160', end: '18.98.16.191', description: 'ISPM IP number 1' }],
        hardenedProfiles: [path.join(ispm().dir, ispm().hardening?.restrictLoginToVendorRanges.file ?? 'missing')],
      }),
    ],
  ];

  it.each(plans)('%s', async (_, plan) => {
    expect(reco().relDir).toBe('force-app/reco');
    const ws = await buildDeployWorkspace(PROJECT_ROOT, plan());
    try {
      expect(sorted(ws.contents)).toEqual(sorted(await convertEditedCopy(plan())));
    } finally {
      ws.cleanup();
    }
  });

  it('orgs that differ share the conversion and still each get their own files', async () => {
    const [a, b] = await Promise.all([
      buildDeployWorkspace(PROJECT_ROOT, (plans[1] as [string, () => WorkspacePlan])[1]()),
      buildDeployWorkspace(PROJECT_ROOT, (plans[2] as [string, () => WorkspacePlan])[1]()),
    ]);
    expect(a.contents.get('settings/Security.settings')).toContain('Head office');
    expect(b.contents.has('settings/Security.settings')).toBe(false);
    expect(a.contents.get('permissionsets/Reco_Integration.permissionset')).toContain('ViewEventLogFiles');
    expect(b.contents.get('permissionsets/Reco_Integration.permissionset')).not.toContain('ViewEventLogFiles');
    expect(a.contents.has('extlClntAppOauthPolicies/ISPM_SFDC_Integration_oauth_defaultPolicy.ecaOauthPlcy')).toBe(
      true
    );
    expect(b.contents.has('extlClntAppOauthPolicies/ISPM_SFDC_Integration_oauthPlcy.ecaOauthPlcy')).toBe(true);
  });
});

describe('a deploy to orgs that differ: each receives its own XML from one conversion', () => {
  useProjectCopyAsCwd();
  const HEAD_OFFICE = { start: '198.51.100.0', end: '198.51.100.255', description: 'Head office' };
  const prod = useSimulatedOrg('fleetprod', () => ({
    shape: 'enterprise-shield',
    seed: { trustedRanges: [HEAD_OFFICE] },
  }));
  // Usernames are unique across orgs: the sandboxes hold production's users as copies, which deploy reuses.
  const productionUsers = [
    {
      Username: 'ispm.integration@example.com.vendoraccess',
      Email: 'security-team@example.com',
      profile: 'Minimum Access - Salesforce',
    },
    {
      Username: 'reco.integration@example.com.vendoraccess',
      Email: 'reco-integration@example.com',
      profile: 'Minimum Access - API Only Integrations',
    },
  ];
  const plain = useSimulatedOrg('fleetplain', () => ({
    shape: 'enterprise',
    sandbox: { name: 'dev' },
    seed: { productionUsers },
  }));
  const sandbox = useSimulatedOrg('fleetsb', () => ({
    shape: 'enterprise-shield',
    sandbox: { name: 'uat' },
    seed: { productionUsers },
  }));

  it('production keeps its own ranges, the sandbox without Shield gets no Event Monitoring, the Shield sandbox gets the full set', async () => {
    const { code, out } = await run(
      'deploy',
      '-o',
      'fleetprod',
      '-o',
      'fleetplain',
      '-o',
      'fleetsb',
      '--values',
      'config/orgs/example.json',
      '--concurrency',
      '3'
    );
    expect(code).toBe(0);
    expect(out).toMatch(/fleetprod \(.*\): SUCCEEDED/);
    const xml = (sim: typeof prod, member: string): string => sim().state.components.get(member)?.xml ?? '';
    expect(xml(prod, 'Settings:Security')).toContain('<description>Head office</description>');
    expect(xml(sandbox, 'Settings:Security')).not.toContain('Head office');
    expect(xml(prod, 'PermissionSet:Reco_Integration')).toContain('<name>ViewEventLogFiles</name>');
    expect(xml(sandbox, 'PermissionSet:Reco_Integration')).toContain('<name>ViewEventLogFiles</name>');
    expect(xml(plain, 'PermissionSet:Reco_Integration')).not.toContain('ViewEventLogFiles');
    expect(xml(plain, 'PermissionSet:Reco_Integration')).toContain('<name>ViewSetup</name>');
    for (const sim of [prod, plain, sandbox])
      expect(xml(sim, 'ExternalClientApplication:ISPM_SFDC_Integration')).toContain(
        '<contactEmail>security-team@example.com</contactEmail>'
      );
    expect(process.env.ISPM_CONTACT_EMAIL).toBeUndefined();
  });
});

describe('replacements the values do not carry are read as SDR reads them', () => {
  let dir: string;
  let plan: WorkspacePlan;
  beforeEach(async () => {
    dir = copyProject();
    const vendors = loadVendors(dir).vendors;
    const { values } = await loadOrgValues('config/orgs/example.json', vendors, {
      projectDir: dir,
      env: { ISPM_CONTACT_EMAIL: 'security-team@example.com' },
    });
    if (!values) throw new Error('example values invalid');
    plan = {
      vendors,
      values: Object.values(values.vendors),
      extraPermissions: new Map(),
      renames: new Map(),
      trustedRanges: [{ start: '198.51.100.0', end: '198.51.100.255', description: 'Head office' }],
    };
  });
  afterEach(() => {
    removeProject(dir);
    delete process.env.VENDOR_ACCESS_TEST_OFFICE;
  });

  const addReplacement = (entry: Record<string, unknown>): void => {
    const file = path.join(dir, 'sfdx-project.json');
    const project = JSON.parse(fs.readFileSync(file, 'utf8')) as { replacements: unknown[] };
    project.replacements.push(entry);
    fs.writeFileSync(file, JSON.stringify(project, undefined, 2));
  };

  it('a replaceWithEnv variable nobody set is a named error in SDR’s words', async () => {
    addReplacement({
      glob: '**/Security.settings-meta.xml',
      stringToReplace: 'Head office',
      replaceWithEnv: 'VENDOR_ACCESS_TEST_OFFICE',
    });
    await expect(buildDeployWorkspace(dir, plan)).rejects.toMatchObject({
      name: 'ReplacementVariableUnsetError',
      message:
        '"VENDOR_ACCESS_TEST_OFFICE" is in sfdx-project.json as a value for "replaceWithEnv" property, but it\'s not set in your environment.',
    });
  });

  it('a variable the user set applies to the generated trusted-range list too, as it did in the workspace', async () => {
    addReplacement({
      glob: '**/Security.settings-meta.xml',
      stringToReplace: 'Head office',
      replaceWithEnv: 'VENDOR_ACCESS_TEST_OFFICE',
    });
    process.env.VENDOR_ACCESS_TEST_OFFICE = 'Main office';
    const ws = await buildDeployWorkspace(dir, plan);
    expect(ws.contents.get('settings/Security.settings')).toContain('<description>Main office</description>');
    expect(ws.contents.get('settings/Security.settings')).not.toContain('Head office');
  });
});
