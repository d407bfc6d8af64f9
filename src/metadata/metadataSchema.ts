import schemaJson from './metadataFields.json';

/**
 * Field lists of the metadata types we deploy, generated from Salesforce's own typings
 * (@salesforce/types, shipped with SDR) by scripts/generate-metadata-schema.js.
 */
export type FieldSpec = { type: string; array: boolean };

const schema = schemaJson as { generatedFrom: string; types: Record<string, Record<string, FieldSpec>>; enums: Record<string, string[]> };

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
