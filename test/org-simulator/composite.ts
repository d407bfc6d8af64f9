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

const REFERENCE = /@\{([\w]+)\.?([^}]*)\}/g;
const referencesOf = (sub: Subrequest): string[] =>
  [...`${sub.url} ${JSON.stringify(sub.body ?? '')}`.matchAll(REFERENCE)].map((r) => r[1] ?? '');

/**
 * The order a collating org may run the subrequests in. REST API Developer Guide, Composite
 * ("collateSubrequests"): "When subrequests are collated, the processing speed is faster, but the
 * order of execution is not guaranteed (unless there is an explicit dependency between the
 * subrequests). If collation is disabled, then the subrequests are executed in the order in which
 * they are received." The default is true from API 49.0 (false in 48.0). The simulator takes the
 * order least like the one sent that the explicit references (`@{ref…}`) allow: always the last
 * subrequest whose references have run, so any reliance on mere order shows. Unverified: which
 * reorderings a real org makes (the guide lists when subrequests can be collated: same method,
 * same API version, under /sobjects, no HTTP headers); this is the worst the guide permits.
 */
const collatedOrder = (subrequests: Subrequest[]): Subrequest[] => {
  const ids = new Set(subrequests.map((s) => s.referenceId));
  const ran = new Set<string>();
  const remaining = [...subrequests];
  const order: Subrequest[] = [];
  while (remaining.length) {
    let pick = remaining.length - 1;
    for (let i = remaining.length - 1; i >= 0; i--) {
      if (referencesOf(remaining[i] as Subrequest).every((r) => ran.has(r) || !ids.has(r))) {
        pick = i;
        break;
      }
    }
    const [next] = remaining.splice(pick, 1) as [Subrequest];
    ran.add(next.referenceId);
    order.push(next);
  }
  return order;
};

/** The answers in the order the subrequests were sent, whatever order they ran in. */
const inOrderSent = <T extends { referenceId: string }>(answers: T[], sent: Subrequest[]): T[] => {
  const position = new Map(sent.map((sub, i) => [sub.referenceId, i]));
  return [...answers].sort((a, b) => (position.get(a.referenceId) ?? 0) - (position.get(b.referenceId) ?? 0));
};

/** The order the org runs them in: collated (the body's collateSubrequests, else true from API 49.0) or as sent. */
const executionOrder = (subrequests: Subrequest[], collate: unknown, apiVersion: number): Subrequest[] =>
  (typeof collate === 'boolean' ? collate : apiVersion >= 49) ? collatedOrder(subrequests) : subrequests;

/**
 * `POST /services/data/vXX.X/composite` (and `/tooling/composite`): subrequests run in order (or,
 * collated, in any order their explicit references allow: collatedOrder), each
 * through the same routes as a request of its own; `@{referenceId.path}` in a later url or body is
 * replaced by that value of an earlier answer. With allOrNone, a failure rolls every change back
 * (`snapshot`/`restore`) and every other subrequest answers 400 PROCESSING_HALTED. The answer is
 * `{ compositeResponse: [{ body, httpHeaders, httpStatusCode, referenceId }] }`, HTTP 200.
 */
export const runComposite = async (
  requestBody: string,
  tooling: boolean,
  answer: (call: SubCall) => Promise<RestAnswer> | RestAnswer,
  rollback: { snapshot: () => unknown; restore: (saved: unknown) => void; rolledBack: () => void },
  apiVersion = 64
): Promise<RestAnswer> => {
  let parsed: { allOrNone?: boolean; collateSubrequests?: unknown; compositeRequest?: Subrequest[] };
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
  const order = executionOrder(subrequests, parsed.collateSubrequests, apiVersion);
  // A later one may reference an earlier one's result (@{ref.id}).
  for (const sub of order) {
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
    rollback.rolledBack();
    for (const entry of out)
      if (entry.httpStatusCode < 400)
        Object.assign(entry, { httpStatusCode: 400, body: [{ errorCode: 'PROCESSING_HALTED', message: HALTED }] });
  }
  return { status: 200, body: JSON.stringify({ compositeResponse: inOrderSent(out, subrequests) }) };
};
