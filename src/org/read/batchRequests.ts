import type { Connection } from '@salesforce/core';
import { loadMessages } from '../../messages';

const internal = loadMessages('internal');

/**
 * One read in a batch: a SOQL query (REST or Tooling API), or a GET of a resource under
 * `/services/data/vXX.X/` such as `sobjects/PermissionSet/describe`.
 */
export type BatchRead = { query: string; tooling?: boolean } | { get: string };

export type Row = Record<string, unknown>;

/** What one read gave: query rows (every page), the resource's JSON, or the error the org answered. */
export type BatchResult = { ok: true; rows: Row[]; value: unknown } | { ok: false; error: Error };

// REST API Developer Guide, "Composite": up to 25 subrequests per call, up to 5 of them queries.
// The Tooling API has its own /tooling/composite with the same shape.
const MAX_SUBREQUESTS = 25;
const MAX_QUERIES = 5;

type SubAnswer = { body: unknown; httpStatusCode: number; referenceId: string };
type QueryPage = { records?: Row[]; done?: boolean; nextRecordsUrl?: string };

/** The org's error list (`[{ errorCode, message }]`) as the Error jsforce would have thrown. */
const orgError = (body: unknown, status: number): Error => {
  const first = (Array.isArray(body) ? body[0] : body) as { errorCode?: string; message?: string } | undefined;
  return Object.assign(new Error(first?.message ?? `HTTP ${status}`), {
    name: first?.errorCode ?? 'ERROR_HTTP_' + status,
    errorCode: first?.errorCode,
  });
};

const isQuery = (read: BatchRead): read is { query: string; tooling?: boolean } => 'query' in read;

/** Splits reads into composite calls within the limits, keeping their order. */
const chunk = (indexes: number[], reads: BatchRead[]): number[][] => {
  const chunks: number[][] = [];
  let current: number[] = [];
  let queries = 0;
  for (const i of indexes) {
    const q = isQuery(reads[i] as BatchRead) ? 1 : 0;
    if (current.length === MAX_SUBREQUESTS || queries + q > MAX_QUERIES) {
      chunks.push(current);
      current = [];
      queries = 0;
    }
    current.push(i);
    queries += q;
  }
  if (current.length) chunks.push(current);
  return chunks;
};

/**
 * Sends many independent reads in as few round trips as the Composite API allows: one
 * `/composite` call per 25 REST reads (5 of them queries), one `/tooling/composite` call likewise
 * for Tooling reads, all calls at once. allOrNone is false, so one failing read (a field this org
 * lacks) fails only itself. A query's later pages (`nextRecordsUrl`) are fetched one by one, as
 * jsforce's autoFetch does. Read-only: only reads go through here.
 */
export const batchRequests = async (connection: Connection, reads: BatchRead[]): Promise<BatchResult[]> => {
  const base = `/services/data/v${connection.getApiVersion()}`;
  const results: BatchResult[] = new Array<BatchResult>(reads.length);
  const urlOf = (read: BatchRead): string =>
    isQuery(read)
      ? `${base}${read.tooling ? '/tooling' : ''}/query?q=${encodeURIComponent(read.query)}`
      : `${base}/${read.get}`;
  const rest = reads.flatMap((r, i) => (isQuery(r) && r.tooling ? [] : [i]));
  const tooling = reads.flatMap((r, i) => (isQuery(r) && r.tooling ? [i] : []));
  const calls = [
    ...chunk(rest, reads).map((ids) => ({ ids, tooling: false })),
    ...chunk(tooling, reads).map((ids) => ({ ids, tooling: true })),
  ];
  await Promise.all(
    calls.map(async ({ ids, tooling: isTooling }) => {
      let answers: SubAnswer[];
      try {
        const response = await connection.request<{ compositeResponse: SubAnswer[] }>({
          method: 'POST',
          url: `${base}${isTooling ? '/tooling' : ''}/composite`,
          body: JSON.stringify({
            allOrNone: false,
            compositeRequest: ids.map((i) => ({
              method: 'GET',
              url: urlOf(reads[i] as BatchRead),
              referenceId: `r${i}`,
            })),
          }),
          headers: { 'content-type': 'application/json' },
        });
        answers = response.compositeResponse;
      } catch (err) {
        for (const i of ids) results[i] = { ok: false, error: err instanceof Error ? err : new Error(String(err)) };
        return;
      }
      for (const answer of answers) {
        const i = Number(answer.referenceId.slice(1));
        const read = reads[i] as BatchRead;
        if (answer.httpStatusCode >= 400) {
          results[i] = { ok: false, error: orgError(answer.body, answer.httpStatusCode) };
          continue;
        }
        if (!isQuery(read)) {
          results[i] = { ok: true, rows: [], value: answer.body };
          continue;
        }
        let page = answer.body as QueryPage;
        const rows = [...(page.records ?? [])];
        try {
          while (page.done === false && page.nextRecordsUrl) {
            // eslint-disable-next-line no-await-in-loop -- pagination: each page's URL comes from the page before
            page = await connection.request<QueryPage>(page.nextRecordsUrl);
            rows.push(...(page.records ?? []));
          }
          results[i] = { ok: true, rows, value: answer.body };
        } catch (err) {
          results[i] = { ok: false, error: err instanceof Error ? err : new Error(String(err)) };
        }
      }
      for (const i of ids) results[i] ??= { ok: false, error: new Error('the composite answer left this read out') };
    })
  );
  return results;
};

/** The rows of a read, or its error thrown, as a direct query would have thrown it. */
export const rowsOf = (result: BatchResult | undefined): Row[] => {
  if (!result) throw internal.createError('error.BatchReadMissing', ['(unknown)']);
  if (!result.ok) throw result.error;
  return result.rows;
};

/** The JSON of a GET read, or its error thrown. */
export const valueOf = <T>(result: BatchResult | undefined): T => {
  if (!result) throw internal.createError('error.BatchReadMissing', ['(unknown)']);
  if (!result.ok) throw result.error;
  return result.value as T;
};
