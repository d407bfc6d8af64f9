import { closureOf, splitDependencies } from '../../src/probe/readDependencyRows';
import { refusalReason } from '../../src/probe/readFact';
import { shapeFileText } from '../../src/probe/shapeFileText';
import type { ProbeShape } from '../../src/probe';
import { run } from '../helpers/simulatedOrg';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';

const USER = 'User Permission';

describe('probe, piece by piece', () => {
  it('keeps user-permission edges between known permissions, and every other row as the org returned it', () => {
    const rows = [
      {
        permission: 'ViewAllData',
        permissionType: USER,
        requiredPermission: 'ViewSetup',
        requiredPermissionType: USER,
      },
      {
        permission: 'PermissionsViewSetup',
        permissionType: USER,
        requiredPermission: 'PermissionsViewRoles',
        requiredPermissionType: USER,
      },
      {
        permission: 'ViewAllData',
        permissionType: USER,
        requiredPermission: 'Account',
        requiredPermissionType: 'Object Permission',
      },
    ];
    const split = splitDependencies(rows, {
      ViewAllData: 'View All Data',
      ViewSetup: 'View Setup and Configuration',
      ViewRoles: 'View Roles and Role Hierarchy',
    });
    expect(split.dependencies).toEqual({ ViewAllData: ['ViewSetup'] });
    expect(split.otherDependencies).toEqual([rows[1], rows[2]]);
    expect(
      closureOf(['ModifyAllData'], {
        ModifyAllData: ['ViewAllData'],
        ViewAllData: ['ViewSetup'],
        ViewSetup: ['ViewRoles'],
      })
    ).toEqual(['ModifyAllData', 'ViewAllData', 'ViewRoles', 'ViewSetup']);
  });

  it("records a refusal as the org's code and message, on one line, without a username", () => {
    expect(
      refusalReason(
        Object.assign(new Error('insufficient access\n  for admin@acme.example.com'), {
          errorCode: 'INSUFFICIENT_ACCESS',
        })
      )
    ).toBe('INSUFFICIENT_ACCESS: insufficient access for <username>');
    expect(refusalReason(new Error('x'.repeat(400)))).toHaveLength(300);
  });

  it('never writes a token, a username or a consumer key', () => {
    const shape = { name: 'probed', source: 's', probedAt: '2026-12-01T00:00:00.000Z' } as unknown as ProbeShape;
    expect(shapeFileText(shape, ['00Dx!secret-token'])).toHaveProperty('text');
    expect(shapeFileText({ ...shape, source: 'by 00Dx!secret-token' }, ['00Dx!secret-token'])).toEqual({
      leak: 'the session token or the probing user’s name',
    });
    expect(shapeFileText({ ...shape, source: 'admin@acme.example.com' }, [])).toEqual({
      leak: 'an email address or username',
    });
    expect(shapeFileText({ ...shape, source: '3MVG9abcdefghijklmnopqrstuvwxyz' }, [])).toEqual({
      leak: 'a consumer key',
    });
  });
});

describe('probe on the command line', () => {
  useProjectCopyAsCwd();

  it('--help says what it records and how to serve the file', async () => {
    const { code, out } = await run('probe', '--help');
    expect(code).toBe(0);
    expect(out).toContain('Changes nothing in the org.');
    expect(out).toContain('Probe a sandbox into a chosen file');
    expect(out).toContain('--output');
  });

  it('without -o and without sf’s default org, names the missing org and both ways to give it, exit 1', async () => {
    const { code, out } = await run('probe');
    expect(code).toBe(1);
    expect(out).toContain('Error (NoTargetOrgError): No org named: -o is not given and the sf CLI has no default org');
    expect(out).toContain('sf config set target-org prod');
  });
});
