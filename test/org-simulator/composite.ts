import type { RestAnswer } from './server';

/** One subrequest as the composite resource receives it. */
type Subrequest = { method: string; url: string; referenceId: string; body?: unknown };
export type SubCall = { method: string; path: string; searchParams: URLSearchParams; body: string };

/**
 * Limits of `/composite` (REST API Developer Guide, "Composite"): at most 25 subrequests, of which at
 * most 5 are query operations (Query, QueryAll, or the next batch of a query). The error texts for
 * exceeding them are not published; these are the simulator's own (unverified).
 */
const MAX_SUBREQUESTS = 25;
const MAX_QUERIES = 5;

const HALTED = 'The transaction was rolled back since another operation in the same transaction failed.';

/** Follows `records[0].Id`-style paths into an earlier subrequest's JSON body. */
const lookUp = (value: unknown, path: string): unknown =>
  path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .reduce<unknown>(
      (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      value
    );

/**
 * `POST /services/data/vXX.X/composite` (and `/tooling/composite`): subrequests run in order, each
 * through the same routes as a request of its own; `@{referenceId.path}` in a later url or body is
 * replaced by that value of an earlier answer. With allOrNone, a failure rolls every change back
 * (`snapshot`/`restore`) and every other subrequest answers 400 PROCESSING_HALTED. The answer is
 * `{ compositeResponse: [{ body, httpHeaders, httpStatusCode, referenceId }] }`, HTTP 200.
 */
export const runComposite = async (
  requestBody: string,
  tooling: boolean,
  answer: (call: SubCall) => Promise<RestAnswer> | RestAnswer,
  rollback: { snapshot: () => unknown; restore: (saved: unknown) => void }
): Promise<RestAnswer> => {
  let parsed: { allOrNone?: boolean; compositeRequest?: Subrequest[] };
  try {
    parsed = JSON.parse(requestBody || '{}') as typeof parsed;
  } catch {
    return {
      status: 400,
      body: JSON.stringify([{ errorCode: 'JSON_PARSER_ERROR', message: 'The request body is not valid JSON.' }]),
    };
  }
  const subrequests = parsed.compositeRequest ?? [];
  const queries = subrequests.filter((s) => /\/(query|queryAll)(\/|\?|$)/.test(s.url)).length;
  if (!subrequests.length || subrequests.length > MAX_SUBREQUESTS || queries > MAX_QUERIES) {
    return {
      status: 400,
      body: JSON.stringify([
        {
          errorCode: 'INVALID_BATCH_REQUEST',
          message: `composite takes 1 to ${MAX_SUBREQUESTS} subrequests, at most ${MAX_QUERIES} of them queries; got ${subrequests.length} with ${queries} queries (simulator text)`,
        },
      ]),
    };
  }
  const saved = parsed.allOrNone ? rollback.snapshot() : undefined;
  const results = new Map<string, unknown>();
  const failed = new Set<string>();
  const out: Array<{
    body: unknown;
    httpHeaders: Record<string, string>;
    httpStatusCode: number;
    referenceId: string;
  }> = [];
  // Subrequests run in order: a later one may reference an earlier one's result (@{ref.id}).
  for (const sub of subrequests) {
    const references = [...`${sub.url} ${JSON.stringify(sub.body ?? '')}`.matchAll(/@\{([\w]+)\.?([^}]*)\}/g)];
    const blocked = references.find((r) => failed.has(r[1] ?? '') || !results.has(r[1] ?? ''));
    if (blocked) {
      failed.add(sub.referenceId);
      out.push({
        body: [
          {
            errorCode: 'PROCESSING_HALTED',
            message: `Invalid reference specified. No value for ${blocked[0]} found. Provided referenceId ${
              blocked[1] ?? ''
            } is not valid. (simulator text)`,
          },
        ],
        httpHeaders: {},
        httpStatusCode: 400,
        referenceId: sub.referenceId,
      });
      continue;
    }
    const resolve = (text: string): string =>
      text.replace(/@\{([\w]+)\.?([^}]*)\}/g, (_all, ref: string, path: string) =>
        String(lookUp(results.get(ref), path) ?? '')
      );
    const url = new URL(`http://org${resolve(sub.url)}`);
    const path = url.pathname.replace(/\/{2,}/g, '/');
    // A composite at /tooling/composite takes Tooling API subrequests, /composite takes the others.
    const wrongApi = tooling !== /^\/services\/data\/v[\d.]+\/tooling\//.test(path);
    const result = wrongApi
      ? {
          status: 400,
          body: JSON.stringify([
            {
              errorCode: 'INVALID_BATCH_REQUEST',
              message: `${path} is not supported in this composite request (simulator text)`,
            },
          ]),
        }
      : // eslint-disable-next-line no-await-in-loop -- in order, as Salesforce runs a composite request
        await answer({
          method: sub.method.toUpperCase(),
          path,
          searchParams: url.searchParams,
          body: sub.body === undefined ? '' : resolve(JSON.stringify(sub.body)),
        });
    const body: unknown = result.body === undefined ? null : JSON.parse(result.body);
    if (result.status >= 400) failed.add(sub.referenceId);
    else results.set(sub.referenceId, body);
    out.push({ body, httpHeaders: {}, httpStatusCode: result.status, referenceId: sub.referenceId });
  }
  if (parsed.allOrNone && failed.size) {
    rollback.restore(saved);
    for (const entry of out)
      if (entry.httpStatusCode < 400)
        Object.assign(entry, { httpStatusCode: 400, body: [{ errorCode: 'PROCESSING_HALTED', message: HALTED }] });
  }
  return { status: 200, body: JSON.stringify({ compositeResponse: out }) };
};
