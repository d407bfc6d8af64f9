export type { OrgValues, VendorValues } from './orgValues';
export { loadOrgValues } from './loadOrgValues';
export type { LoadOrgValuesOptions } from './loadOrgValues';
export { formatEnvExports, stageReplacements } from './stageReplacements';
export { fieldByRole, specByRole, valueByRole } from './valueByRole';
export { valuesInputs } from './valuesInputs';
export { replacementTextFor } from './replacementText';
export { checkEmail } from './validateValue';
export { firstNonXmlCharacter } from './xmlCharacter';
