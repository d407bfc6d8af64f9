import type { Connection } from '@salesforce/core';
import type { ValueRole, Vendor } from '../../catalogue';
import { selectText, ORG_FIELDS, parseMetadataXml } from '../../metadata';
import { valueByRole, type OrgValues } from '../../values';
import type { FeatureGap } from '../plan/orgFeatures';
import { retrieveOrgMetadata } from '../read/retrieveOrgMetadata';
import type { UserReport } from './provisionUsers';

/** One thing to hand a vendor, or one step a person still has to do. */
export type HandoffLine = {
  vendor: string;
  kind: 'give' | 'manual' | 'limit';
  item: string;
  value?: string;
  where?: string;
  /** The value was read from the org (the consumer key), not from the values file. */
  fromOrg?: true;
};

/**
 * What to give each vendor (username, consumer key) and the manual steps that remain, in the
 * guide's words. The consumer key is read from the org where it lets the deploying user read the
 * global OAuth settings ("Allow Access to OAuth Consumer Secrets via Metadata API"); otherwise the
 * handoff says where to copy it. The consumer secret is never read.
 */
export const buildHandoff = async (
  connection: Connection,
  vendors: Vendor[],
  values: OrgValues,
  users: UserReport[],
  gaps: FeatureGap[] = []
): Promise<HandoffLine[]> => {
  const lines: HandoffLine[] = [];
  for (const vendor of vendors) {
    for (const item of vendor.handoff) {
      if (item.from === 'values.integrationUsername') {
        if (!vendor.user) continue;
        // The user actually set up: in a sandbox that can be the copy `<username>.<sandbox name>`.
        const actual = users.find((u) => u.vendor === vendor.name)?.username;
        lines.push({
          vendor: vendor.name,
          kind: 'give',
          item: item.item,
          value: actual ?? valueByRole(vendor, values, 'integrationUsername'),
        });
      } else if (item.from.startsWith('values.')) {
        const value = valueByRole(vendor, values, item.from.slice('values.'.length) as Exclude<ValueRole, 'none'>);
        if (value) lines.push({ vendor: vendor.name, kind: 'give', item: item.item, value });
      } else if (item.from === 'org.consumerKey' && vendor.externalClientApp) {
        // eslint-disable-next-line no-await-in-loop -- the handoff lines keep vendor.json's order; one retrieve per item that asks for the key
        const key = await readConsumerKey(connection, vendor.externalClientApp.globalOauthSettings);
        const base = { vendor: vendor.name, kind: 'give' as const, item: item.item };
        lines.push(
          key ? { ...base, value: key, fromOrg: true } : { ...base, ...(item.where ? { where: item.where } : {}) }
        );
      } else if (item.from === 'org.consumerSecret' && vendor.externalClientApp) {
        // Never read, never printed: only where a person copies it from (the loader requires `where`).
        lines.push({
          vendor: vendor.name,
          kind: 'give',
          item: item.item,
          ...(item.where ? { where: item.where } : {}),
        });
      } else if (item.from === 'org.myDomainUrl') {
        lines.push({ vendor: vendor.name, kind: 'give', item: item.item, value: connection.instanceUrl });
      }
    }
    // The handoff never asks for what it just printed: with the org's consumer key given above, the
    // guide's "Copy the consumer key" step is done (the key is the line before it).
    const keyGiven = lines.some((l) => l.vendor === vendor.name && l.kind === 'give' && l.fromOrg && l.value);
    const done = (guide: string): boolean => keyGiven && /\bcopy\b.*\bconsumer key\b/i.test(guide);
    for (const step of vendor.guideSteps.filter((s) => s.manual && !done(s.guide))) {
      lines.push({
        vendor: vendor.name,
        kind: 'manual',
        item: `${step.section}: ${step.guide}`,
        where: step.manual as string,
      });
    }
    // Tell the vendor what it will not see here, so nobody mistakes a missing feature for a broken integration.
    for (const gap of gaps.filter((g) => g.vendor === vendor.name)) {
      lines.push({
        vendor: vendor.name,
        kind: 'limit',
        item: `This org has no ${gap.title}. ${gap.withoutIt}`,
        where: `Left out: ${gap.leftOut.join(', ')}.`,
      });
    }
    for (const user of users.filter((u) => u.vendor === vendor.name)) {
      for (const next of user.nextSteps) lines.push({ vendor: vendor.name, kind: 'manual', item: next });
    }
  }
  return lines;
};

const readConsumerKey = async (connection: Connection, globalSettingsFile: string): Promise<string | undefined> => {
  const fullName =
    globalSettingsFile
      .split('/')
      .pop()
      ?.replace(/\.ecaGlblOauth-meta\.xml$/, '') ?? '';
  try {
    const files = await retrieveOrgMetadata(connection, [{ type: 'ExtlClntAppGlobalOauthSettings', fullName }]);
    const xml = [...files.values()][0];
    const parsed = xml ? parseMetadataXml(xml) : undefined;
    const key = parsed?.ok ? selectText(parsed.node, ORG_FIELDS.appConsumerKey.path) : undefined;
    // An empty element is no key either.
    return key === '' ? undefined : key;
  } catch {
    // Most orgs do not release OAuth settings over the Metadata API; the handoff then says where to copy it.
    return undefined;
  }
};
