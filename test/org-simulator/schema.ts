import schemaJson from '../../src/metadata/metadataFields.json';

/**
 * Salesforce's published Metadata API schema for the types the simulator serves: the data file
 * generated from @salesforce/types (scripts/generate-metadata-schema.js). The simulator reads this
 * data only, never the product's code, so it cannot agree with the product where Salesforce does not.
 */
export type FieldSpec = { type: string; array: boolean; required?: boolean };
const schema = schemaJson as { generatedFrom: string; types: Record<string, Record<string, FieldSpec>>; enums: Record<string, string[]> };

export const schemaFields = (typeName: string): Record<string, FieldSpec> | undefined => schema.types[typeName];
export const schemaEnum = (typeName: string): string[] | undefined => schema.enums[typeName];
export const SCHEMA_SOURCE = schema.generatedFrom;
