import type { Connection } from '@salesforce/core';

export type Row = Record<string, unknown>;

/** Every row of a SOQL query (REST or Tooling), following nextRecordsUrl. Read-only. */
export const queryRows = async (connection: Connection, soql: string, tooling = false): Promise<Row[]> => {
  const api = tooling ? connection.tooling : connection;
  return (await api.query<Row>(soql, { autoFetch: true, maxFetch: 50_000 })).records;
};

export const text = (row: Row, key: string): string => String(row[key] ?? '');
export const count = (row: Row, key: string): number => Number(row[key] ?? 0);

/** Splits values into groups of `size`, so a SOQL IN list or field list keeps the URL short. */
export const chunks = <T>(values: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
};
