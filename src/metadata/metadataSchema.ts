import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../config';

/**
 * Field lists of the metadata types we deploy, generated from Salesforce's own typings
 * (@salesforce/types, shipped with SDR) by scripts/generate-metadata-schema.js into
 * config/salesforce/metadata-schema.json: shared data that the org simulator reads too, so neither
 * holds its own belief about Salesforce's schema.
 */
export type FieldSpec = { type: string; array: boolean; required?: boolean };

/** Where the generated schema data lives, beside package.json. */
export const SCHEMA_FILE = path.join(PACKAGE_ROOT, 'config', 'salesforce', 'metadata-schema.json');

const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as {
  generatedFrom: string;
  types: Record<string, Record<string, FieldSpec>>;
  enums: Record<string, string[]>;
};

export const SCHEMA_SOURCE = schema.generatedFrom;

export const fieldsOf = (typeName: string): Record<string, FieldSpec> | undefined => schema.types[typeName];

export const enumValues = (typeName: string): string[] | undefined => schema.enums[typeName];

/** Fields the Metadata API documentation marks required (the typings do not say so reliably). */
export const REQUIRED_FIELDS: Record<string, string[]> = {
  PermissionSet: ['label'],
  ExternalClientApplication: ['label'],
  ExtlClntAppGlobalOauthSettings: ['externalClientApplication'],
  ExtlClntAppOauthSettings: ['externalClientApplication'],
  ExtlClntAppOauthConfigurablePolicies: ['externalClientApplication'],
  ExtlClntAppConfigurablePolicies: ['externalClientApplication', 'isEnabled'],
};
