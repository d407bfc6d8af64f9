import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection, Lifecycle } from '@salesforce/core';
import { connectToSimulator } from './connect';
import { deploySource, failures, permissionSet } from './deploySource';
import { BUILT_IN_SHAPES, builtInShape, SHAPES_DIR } from './shapes';
import { checkShape, loadShapeFile, ShapeFileError } from './shapeFile';
import { OrgSimulator, startOrgSimulator } from './index';

const PROJECT = path.resolve(__dirname, '..', '..');
const shield = (): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(SHAPES_DIR, 'enterprise-shield.json'), 'utf8')) as Record<string, unknown>;
const problemsOf = (data: unknown): string[] => {
  try {
    checkShape(data, 'bad.json');
  } catch (err) {
    if (err instanceof ShapeFileError) return err.problems;
  }
  return [];
};

describe('org shapes are files, loaded and checked by one loader', () => {
  it('loads every built-in shape from shapes/*.json, each saying where its facts come from', () => {
    for (const name of BUILT_IN_SHAPES) {
      const shape = builtInShape(name);
      expect(shape?.name).toBe(name);
      expect(shape?.source).toMatch(/^built-in: /);
    }
    expect(builtInShape('enterprise-shield')?.dependencies.ViewAllData).toEqual(
      expect.arrayContaining(['ViewEventLogFiles', 'ViewPlatformEvents', 'ViewDataLeakageEvents'])
    );
    expect(builtInShape('enterprise')?.permissions.ViewEventLogFiles).toBeUndefined();
  });

  it('names the file and every field at fault, with the fix', () => {
    const bad = {
      ...shield(),
      colour: 'blue',
      profiles: [{ name: 'Integration', licence: 'Nope' }],
      externalClientAppSettings: { enableExternalClientApps: 'true' },
    };
    const problems = problemsOf(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^colour: is not a field of an org shape\. Fix: remove it/),
        'profiles[0].licence: names "Nope", which is not in userLicences. Fix: add the licence to userLicences, or name one it lists',
        expect.stringMatching(
          /^externalClientAppSettings\.enableExternalClientApps: is not in Salesforce's Metadata API schema for ExternalClientAppSettings\. Fix: remove it; the schema has enableClientSecretInRestApiAccess/
        ),
      ])
    );
    expect(problemsOf({ ...shield(), dependencies: { ViewAllData: ['NoSuchPermission'] } })).toEqual([
      'dependencies.ViewAllData: requires NoSuchPermission, which the shape does not list in permissions. Fix: add NoSuchPermission to permissions',
    ]);
    expect(
      problemsOf({ ...shield(), userLicences: [{ name: 'Salesforce', total: -1, used: 0 }], profiles: [] })
    ).toEqual([
      'userLicences[0].total: must be a whole number of 0 or more, got -1. Fix: write the number of licences',
    ]);
  });

  it('says which file cannot be read or parsed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shape-'));
    fs.writeFileSync(path.join(dir, 'broken.json'), '{ "name": ');
    expect(() => loadShapeFile(path.join(dir, 'broken.json'))).toThrow(
      `Shape file ${path.join(dir, 'broken.json')} cannot be served:\n  - (file): is not valid JSON`
    );
    expect(() => loadShapeFile(path.join(dir, 'missing.json'))).toThrow('(file): cannot be read (ENOENT)');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('a shape with facts the probed org refused', () => {
  let sim: OrgSimulator;
  let connection: Connection;
  beforeEach(async () => {
    Lifecycle.getInstance().onWarning(async () => {});
    const shape = checkShape(
      {
        ...shield(),
        dependencies: 'unknown: INSUFFICIENT_ACCESS: insufficient access rights on object id',
        sandbox: { name: 'uat' },
      },
      'probed.json'
    );
    expect(shape.unknown).toEqual({ dependencies: 'INSUFFICIENT_ACCESS: insufficient access rights on object id' });
    sim = await startOrgSimulator({ shape });
    connection = await connectToSimulator(sim);
  });
  afterEach(() => sim.stop());

  it('refuses that read the way the org answered, and serves the rest', async () => {
    await expect(
      connection.tooling.query("SELECT Permission FROM PermissionDependency WHERE Permission = 'ViewAllData'")
    ).rejects.toMatchObject({ errorCode: 'INSUFFICIENT_ACCESS', message: 'insufficient access rights on object id' });
    expect(
      (await connection.query<{ IsSandbox: boolean }>('SELECT IsSandbox FROM Organization')).records[0]?.IsSandbox
    ).toBe(true);
  });
});

describe('a fact the probed org would not give never makes the simulator stricter than the org', () => {
  it('accepts object permissions when the objects are unknown, and refuses them when they are known', async () => {
    Lifecycle.getInstance().onWarning(async () => {});
    const set = {
      'permissionsets/P.permissionset-meta.xml': permissionSet(
        'P',
        [],
        '    <objectPermissions>\n        <allowCreate>false</allowCreate>\n        <allowDelete>false</allowDelete>\n        <allowEdit>false</allowEdit>\n        <allowRead>true</allowRead>\n        <modifyAllRecords>false</modifyAllRecords>\n        <object>FutureEventStore</object>\n        <viewAllRecords>false</viewAllRecords>\n    </objectPermissions>\n'
      ),
    };
    const unknownObjects = await startOrgSimulator({
      shape: checkShape({ ...shield(), objects: 'unknown: INSUFFICIENT_ACCESS: no describe' }, 'probed.json'),
    });
    const knownObjects = await startOrgSimulator({ shape: 'enterprise-shield' });
    try {
      expect(failures(await deploySource(unknownObjects, set))).toEqual([]);
      expect(failures(await deploySource(knownObjects, set))).toEqual([
        'PermissionSet:P: In field: object - no CustomObject named FutureEventStore found',
      ]);
    } finally {
      await unknownObjects.stop();
      await knownObjects.stop();
    }
  });
});

describe('a permission set licence named in files by the text a probe read', () => {
  it('takes that text, and only that, as the <license> of a permission set', async () => {
    Lifecycle.getInstance().onWarning(async () => {});
    const base = shield() as { permissionSetLicences: Array<Record<string, unknown>> };
    const shape = checkShape(
      {
        ...base,
        permissionSetLicences: base.permissionSetLicences.map((p) => ({
          ...p,
          licenseInFiles: 'SalesforceAPIIntegrationPsl',
        })),
      },
      'probed.json'
    );
    const sim = await startOrgSimulator({ shape });
    try {
      const licensed = (license: string): Record<string, string> => ({
        'permissionsets/P.permissionset-meta.xml': permissionSet(
          'P',
          ['ViewSetup', 'ViewRoles'],
          `    <license>${license}</license>\n`
        ),
      });
      expect(failures(await deploySource(sim, licensed('Salesforce API Integration')))).toEqual([
        'PermissionSet:P: In field: license - no License named Salesforce API Integration found',
      ]);
      expect(failures(await deploySource(sim, licensed('SalesforceAPIIntegrationPsl')))).toEqual([]);
    } finally {
      await sim.stop();
    }
  });
});

describe('npm run simulator -- --shape-file', () => {
  const serve = (file: string): Promise<{ code: number | null; out: string }> =>
    new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [
          'scripts/run-ts.js',
          'test/org-simulator/serve.ts',
          '--shape-file',
          file,
          '--idle-minutes',
          '1',
          // Not the project's out/simulator.env: a simulator the developer is running may own it.
          '--exports-file',
          path.join(os.tmpdir(), `simulator-${process.pid}.env`),
        ],
        { cwd: PROJECT }
      );
      let out = '';
      const take = (chunk: Buffer): void => {
        out += chunk.toString();
        if (out.includes('Access token:')) child.kill('SIGTERM');
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.on('exit', (code) => resolve({ code, out }));
    });

  it('serves an org with the file’s facts', async () => {
    const { out } = await serve(path.join(SHAPES_DIR, 'developer.json'));
    expect(out).toMatch(/^Simulated org from .*developer\.json \(developer\) at http:\/\/127\.0\.0\.1:\d+/);
  });

  it('refuses a bad shape file, naming the file and the field, exit 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shape-'));
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ ...shield(), edition: 7 }));
    const { code, out } = await serve(file);
    expect(code).toBe(1);
    expect(out).toBe(
      `Shape file ${file} cannot be served:\n  - edition: must be a non-empty string, got 7. Fix: write the value as a JSON string\n`
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
