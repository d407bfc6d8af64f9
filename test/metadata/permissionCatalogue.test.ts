import fs from 'node:fs';
import path from 'node:path';
import { PERMISSIONS } from '../../src/metadata/permissionCatalogue';

/**
 * The permission catalogue is data (src/metadata/permissions.json). The simulator keeps its
 * own copy of what each org shape offers (it never imports product code); this test holds the two
 * to the same Setup labels, so neither drifts from the other unnoticed.
 */
const SHAPES_DIR = path.join(__dirname, '..', 'org-simulator', 'shapes');
const shapes = fs
  .readdirSync(SHAPES_DIR)
  .filter((f) => f.endsWith('.json'))
  .map(
    (f) =>
      [
        f,
        JSON.parse(fs.readFileSync(path.join(SHAPES_DIR, f), 'utf8')) as { permissions: Record<string, string> },
      ] as const
  );

describe('permission catalogue', () => {
  it('is read from the JSON data file', () => {
    const data = JSON.parse(
      fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'metadata', 'permissions.json'), 'utf8')
    ) as { permissions: Record<string, unknown> };
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(data.permissions).sort());
    expect(PERMISSIONS.ViewSetup).toEqual({ label: 'View Setup and Configuration', tier: 3, requires: ['ViewRoles'] });
  });

  it('names only permissions it describes as requirements', () => {
    for (const [name, info] of Object.entries(PERMISSIONS)) {
      for (const required of [...info.requires, ...(info.requiresWhereAvailable ?? [])])
        expect([name, required, Boolean(PERMISSIONS[required])]).toEqual([name, required, true]);
    }
  });

  it.each(shapes)(
    '%s: every permission the shape offers that the catalogue knows has the catalogue label',
    (_file, shape) => {
      expect(shapes.length).toBeGreaterThanOrEqual(3);
      for (const [name, label] of Object.entries(shape.permissions)) {
        if (PERMISSIONS[name]) expect([name, label]).toEqual([name, PERMISSIONS[name]?.label]);
      }
      // The shapes hold what the vendors grant and Setup adds with it: most of the catalogue.
      expect(Object.keys(shape.permissions).filter((name) => PERMISSIONS[name]).length).toBeGreaterThanOrEqual(25);
    }
  );
});
