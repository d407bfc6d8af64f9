import type { IpRange } from '../network';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for an XML element: descriptions read back from an org may hold any character. */
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

/**
 * SecuritySettings holding only `networkAccess`: fields left out keep their org values, and a full
 * retrieved file could carry version-limited fields (reference C). The list must be complete, since
 * Salesforce replaces the org's whole list with it.
 */
export const renderSecuritySettings = (ranges: IpRange[]): string => {
  const body = ranges
    .map((r) =>
      [
        '        <ipRanges>',
        ...(r.description === undefined ? [] : [`            <description>${escapeXml(r.description)}</description>`]),
        `            <end>${escapeXml(r.end)}</end>`,
        `            <start>${escapeXml(r.start)}</start>`,
        '        </ipRanges>',
      ].join('\n')
    )
    .join('\n');
  return `${HEADER}\n<SecuritySettings ${NS}>\n    <networkAccess>\n${body}\n    </networkAccess>\n</SecuritySettings>\n`;
};

const USER_PERMISSION_BLOCK = /[ \t]*<userPermissions>[\s\S]*?<\/userPermissions>\n?/g;

/**
 * Adds enabled user permissions to a permission set's XML, keeping the set sorted by name the way
 * a retrieve lists it. Used for what only the org can settle (org-dependent requirements, names
 * resolved by label); everything else in the file is left byte for byte.
 */
export const addUserPermissions = (xml: string, names: string[]): string => {
  const blocks = xml.match(USER_PERMISSION_BLOCK) ?? [];
  const existing = blocks.map((b) => ({
    name: /<name>([^<]*)<\/name>/.exec(b)?.[1] ?? '',
    block: b.endsWith('\n') ? b : `${b}\n`,
  }));
  const toAdd = [...new Set(names)].filter((n) => !existing.some((e) => e.name === n));
  if (!toAdd.length) return xml;
  const all = [
    ...existing,
    ...toAdd.map((name) => ({
      name,
      block: `    <userPermissions>\n        <enabled>true</enabled>\n        <name>${escapeXml(
        name
      )}</name>\n    </userPermissions>\n`,
    })),
  ].sort((a, b) => a.name.localeCompare(b.name));
  const rendered = all.map((e) => e.block).join('');
  if (!blocks.length) return xml.replace(/<\/PermissionSet>\s*$/, `${rendered}</PermissionSet>\n`);
  const first = xml.indexOf(blocks[0] as string);
  const lastBlock = blocks.at(-1) as string;
  const end = xml.lastIndexOf(lastBlock) + lastBlock.length;
  return `${xml.slice(0, first)}${rendered}${xml.slice(end).replace(/^\n/, '')}`;
};

const OBJECT_PERMISSION_BLOCK = /[ \t]*<objectPermissions>[\s\S]*?<\/objectPermissions>\n?/g;

/**
 * Leaves user permissions and object permissions out of a permission set's XML (what the org lacks
 * an optional feature for); everything else is kept byte for byte.
 */
export const removePermissions = (xml: string, permissions: string[], objects: string[]): string =>
  xml
    .replace(USER_PERMISSION_BLOCK, (block) =>
      permissions.includes(/<name>([^<]*)<\/name>/.exec(block)?.[1] ?? '') ? '' : block
    )
    .replace(OBJECT_PERMISSION_BLOCK, (block) =>
      objects.includes(/<object>([^<]*)<\/object>/.exec(block)?.[1] ?? '') ? '' : block
    );

/** Event Manager streaming and storage turned on for each entity the org offers, sorted as a retrieve lists them. */
export const renderRealTimeEventSettings = (entities: string[]): string => {
  const body = [...new Set(entities)]
    .sort((a, b) => a.localeCompare(b))
    .map(
      (e) =>
        `    <realTimeEvents>\n        <entityName>${escapeXml(
          e
        )}</entityName>\n        <isEnabled>true</isEnabled>\n    </realTimeEvents>\n`
    )
    .join('');
  return `${HEADER}\n<RealTimeEventSettings ${NS}>\n${body}</RealTimeEventSettings>\n`;
};
