import type { Connection } from '@salesforce/core';
import { selectValues, parseMetadataXml, textOf, XmlNode } from '../metadata';
import { retrieveOrgMetadata } from '../org/read';
import type { Fact } from './probeShape';
import { unknownBecause } from './readFact';

export type SettingsFacts = {
  realTimeEvents: Fact<string[]>;
  realTimeEventsEnabled?: string[];
  externalClientAppSettings: Record<string, string>;
};

const parsed = (xml: string | undefined): XmlNode | undefined => {
  const result = xml ? parseMetadataXml(xml) : undefined;
  return result?.ok ? result.node : undefined;
};

/**
 * What a retrieve of Settings:RealTimeEvent and Settings:ExternalClientApp returns. Unverified (no
 * public source): whether the RealTimeEventSettings a retrieve returns lists every entity Event
 * Manager offers, enabled or not (the product and the simulator assume so), and which
 * ExternalClientAppSettings fields an API-64 org returns. No RealTimeEventSettings at all: unknown.
 */
export const readSettingsFacts = async (connection: Connection): Promise<SettingsFacts> => {
  const files = await retrieveOrgMetadata(connection, [
    { type: 'Settings', fullName: 'RealTimeEvent' },
    { type: 'Settings', fullName: 'ExternalClientApp' },
  ]);
  const events = parsed(files.get('settings/RealTimeEvent.settings'));
  const listed = !events
    ? []
    : selectValues(events, 'realTimeEvents').flatMap((e) =>
        typeof e === 'object' && textOf(e.entityName?.[0])
          ? [{ name: textOf(e.entityName?.[0]) as string, enabled: textOf(e.isEnabled?.[0]) === 'true' }]
          : []
      );
  const eca = parsed(files.get('settings/ExternalClientApp.settings')) ?? {};
  const externalClientAppSettings = Object.fromEntries(
    Object.keys(eca)
      .sort()
      .flatMap((k) => (textOf(eca[k]?.[0]) === undefined ? [] : [[k, textOf(eca[k]?.[0]) as string]]))
  );
  if (!events)
    return {
      realTimeEvents: unknownBecause(
        'a retrieve of Settings:RealTimeEvent returned no RealTimeEventSettings, so the Event Manager entities the org offers could not be read'
      ),
      externalClientAppSettings,
    };
  return {
    realTimeEvents: listed.map((e) => e.name).sort(),
    realTimeEventsEnabled: listed
      .filter((e) => e.enabled)
      .map((e) => e.name)
      .sort(),
    externalClientAppSettings,
  };
};
