import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../config';
import type { Schema } from './schemaCheck';

/** The schemas vendor-access ships (schemas/ beside package.json); editors read the same files through `$schema`. */
export type SchemaName = 'vendor' | 'integration-user';

const loaded = new Map<SchemaName, Schema>();

/** Reads `schemas/<name>.schema.json` once, when a catalogue file is first checked (not at start-up). */
export const catalogueSchema = (name: SchemaName): Schema => {
  let schema = loaded.get(name);
  if (!schema) {
    schema = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as Schema;
    loaded.set(name, schema);
  }
  return schema;
};
