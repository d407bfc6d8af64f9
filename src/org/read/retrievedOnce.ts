import type { Connection } from '@salesforce/core';
import type { MetadataMember } from './retrieveOrgMetadata';

type Retrieved = { members: Set<string>; files: Map<string, string> };

const byConnection = new WeakMap<Connection, Retrieved>();

const key = (m: MetadataMember): string => `${m.type}:${m.fullName}`;

/**
 * The analysis retrieves, in its one retrieve, every component the comparison before a deploy
 * will ask for; the comparison then takes that answer instead of retrieving again (a retrieve is
 * two round trips). Taking it removes it: anything read later, such as the consumer key after the
 * deploy, is retrieved afresh and never sees what the org held before.
 */
export const keepRetrieved = (connection: Connection, members: MetadataMember[], files: Map<string, string>): void => {
  byConnection.set(connection, { members: new Set(members.map(key)), files });
};

/** The kept answer without taking it, for a read before the comparison takes it. */
export const peekRetrieved = (connection: Connection, members: MetadataMember[]): Map<string, string> | undefined => {
  const kept = byConnection.get(connection);
  return kept && members.every((m) => kept.members.has(key(m))) ? kept.files : undefined;
};

/** The kept answer, if it covers every member asked for; undefined otherwise (then retrieve). */
export const takeRetrieved = (connection: Connection, members: MetadataMember[]): Map<string, string> | undefined => {
  const kept = byConnection.get(connection);
  byConnection.delete(connection);
  if (!kept || !members.every((m) => kept.members.has(key(m)))) return undefined;
  return kept.files;
};
