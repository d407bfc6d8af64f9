import fs from 'node:fs';
import path from 'node:path';

/**
 * Salesforce's published Metadata API schema for the types the simulator serves: the shared data
 * file config/salesforce/metadata-schema.json, generated from @salesforce/types
 * (scripts/generate-metadata-schema.js). The simulator reads this data file only, never a product
 * module, so it cannot agree with the product where Salesforce does not.
 */
export type FieldSpec = { type: string; array: boolean; required?: boolean };
const SCHEMA_FILE = path.join(__dirname, '..', '..', 'config', 'salesforce', 'metadata-schema.json');
const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as {
  generatedFrom: string;
  types: Record<string, Record<string, FieldSpec>>;
  enums: Record<string, string[]>;
};

export const schemaFields = (typeName: string): Record<string, FieldSpec> | undefined => schema.types[typeName];
export const schemaEnum = (typeName: string): string[] | undefined => schema.enums[typeName];
export const SCHEMA_SOURCE = schema.generatedFrom;
