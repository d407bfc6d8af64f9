export { sameRanges } from './checkHardenedProfile';
export { memberOf } from './checkMetadataFile';
export { checkVendorMetadata } from './checkVendorMetadata';
export { selectText, selectValues } from './elementPath';
export { listFiles, toPosix } from './listFiles';
export { diffMetadata } from './metadataDiff';
export { ORG_FIELDS } from './orgMetadataFields';
export { OBJECT_VIEW_ALL_TIER, PERMISSIONS, TIER_RULES, permissionsOf } from './permissionCatalogue';
export { explainPermissions } from './permissionClosure';
export { readZip } from './readZip';
export {
  addUserPermissions,
  escapeXml,
  removePermissions,
  renderRealTimeEventSettings,
  renderSecuritySettings,
} from './renderXml';
export { PLACEHOLDER } from './replacementsConfig';
export type { VendorMetadata } from './vendorMetadata';
export { writeZip } from './writeZip';
export { parseMetadataXml, textOf } from './xml';
export type { ValueChange } from './metadataDiff';
export type { RiskTier } from './permissionCatalogue';
export type { ZipEntry } from './writeZip';
export type { XmlNode } from './xml';
