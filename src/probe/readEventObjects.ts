import type { Connection } from '@salesforce/core';

// Real-time event objects are named <Name>Event (streaming), <Name>EventStream and <Name>EventStore
// (storage) (reference external-client-app-and-settings.md, Event Manager table); change events are not.
const EVENT_OBJECT = /^[A-Za-z]+(Event|EventStream|EventStore)$/;

/**
 * The event sObjects the org has (describeGlobal), plus the catalogue's objects it has: names only,
 * nothing of the customer's own objects beyond what the vendors' permission sets name.
 */
export const readEventObjects = async (connection: Connection, catalogueObjects: string[]): Promise<string[]> => {
  const global = await connection.describeGlobal();
  const names = global.sobjects.map((s) => s.name);
  return names
    .filter((n) => (EVENT_OBJECT.test(n) && !n.endsWith('ChangeEvent')) || catalogueObjects.includes(n))
    .sort();
};
