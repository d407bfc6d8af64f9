import { visibleTokens } from './tokenVisibility';
import type { OrgState, Row } from './orgState';

/** A REST error as Salesforce sends it: HTTP 400, `[{"message", "errorCode"}]`. */
export class RestError extends Error {
  public constructor(
    public readonly status: number,
    public readonly errorCode: string,
    message: string,
    public readonly fields: string[] = []
  ) {
    super(message);
  }
}

type Condition = {
  field: string;
  op: '=' | '!=' | 'IN' | '>=' | '<=' | '>' | '<' | 'LIKE';
  values: Array<string | boolean | null>;
};

/**
 * SOQL LIKE (SOQL reference, "Comparison Operators"): case-insensitive, `%` any run of characters,
 * `_` one character, `\%` and `\_` themselves.
 */
const likeMatches = (pattern: string, value: string): boolean => {
  const source = pattern.replace(
    /\\([%_])|([%_])|([.*+?^${}()|[\]\\])/g,
    (_all, escaped: string, wild: string, special: string) =>
      escaped ? `\\${escaped}` : wild === '%' ? '.*' : wild === '_' ? '.' : `\\${special}`
  );
  return new RegExp(`^${source}$`, 'is').test(value);
};

const literal = (raw: string): string | boolean | null => {
  const t = raw.trim();
  if (/^'.*'$/s.test(t)) return t.slice(1, -1).replace(/\\'/g, "'").replace(/\\\\/g, '\\');
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  if (/^null$/i.test(t)) return null;
  return t;
};

/**
 * The SOQL subset the product sends: SELECT fields FROM object [WHERE a = x AND b IN (…)]
 * [ORDER BY …] [LIMIT n]. Anything else is MALFORMED_QUERY, as an org would say for a typo.
 */
export const parseSoql = (
  soql: string
): { fields: string[]; object: string; where: Condition[]; anyOf?: Condition[] } => {
  const m =
    /^\s*SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(.+?))?(?:\s+ORDER\s+BY\s+.+?)?(?:\s+LIMIT\s+\d+)?\s*$/is.exec(
      soql
    );
  if (!m) throw new RestError(400, 'MALFORMED_QUERY', `unexpected token: ${soql.slice(0, 40)}`);
  const where: Condition[] = [];
  // Either every condition (AND) or any of them (OR); SOQL needs parentheses to mix the two, which
  // the product never sends.
  const clause = m[3] ?? '';
  const any = /\s+OR\s+/i.test(clause);
  if (any && /\s+AND\s+/i.test(clause))
    throw new RestError(400, 'MALFORMED_QUERY', 'unexpected token: AND (simulator: AND with OR needs parentheses)');
  for (const part of clause.split(any ? /\s+OR\s+/i : /\s+AND\s+/i).filter(Boolean)) {
    const c = /^\s*([\w.]+)\s*(>=|<=|!=|=|>|<|IN|LIKE)\s*(.+?)\s*$/is.exec(part);
    if (!c) throw new RestError(400, 'MALFORMED_QUERY', `unexpected token: ${part.trim().slice(0, 40)}`);
    const values =
      c[2]?.toUpperCase() === 'IN'
        ? (c[3] ?? '')
            .replace(/^\(|\)$/g, '')
            .match(/'(?:[^'\\]|\\.)*'|[^,\s]+/g)
            ?.map(literal) ?? []
        : [literal(c[3] ?? '')];
    where.push({ field: c[1] ?? '', op: (c[2]?.toUpperCase() ?? '=') as Condition['op'], values });
  }
  const fields = (m[1] ?? '').split(',').map((f) => f.trim());
  return any ? { fields, object: m[2] ?? '', where: [], anyOf: where } : { fields, object: m[2] ?? '', where };
};

const TOOLING_OBJECTS = new Set(['PermissionDependency']);

/** The fact of the org shape each table is read for: a probed org that refused it refuses here too. */
const FACT_OF: Record<string, string> = {
  PermissionDependency: 'dependencies',
  Organization: 'edition',
  UserLicense: 'userLicences',
  Profile: 'profiles',
  PermissionSetLicense: 'permissionSetLicences',
  SetupEntityAccess: 'setupEntityAccess',
};

/**
 * Replays the probed org's answer for a fact it refused ("<errorCode>: <message>", as the probe
 * recorded it); a reason without a code is answered as INSUFFICIENT_ACCESS. The HTTP status of a
 * refusal (403 for INSUFFICIENT_ACCESS*, else 400) is unverified.
 */
export const refuseIfUnknown = (state: OrgState, fact: string | undefined): void => {
  const reason = fact ? state.shape.unknown?.[fact] : undefined;
  if (reason === undefined) return;
  const m = /^([A-Z_]+): (.*)$/s.exec(reason);
  const code = m?.[1] ?? 'INSUFFICIENT_ACCESS';
  throw new RestError(code.startsWith('INSUFFICIENT_ACCESS') ? 403 : 400, code, m?.[2] ?? reason);
};

/** Rows an object has, derived from the org state (PermissionDependency and Organization are computed). */
const tableOf = (state: OrgState, object: string, tooling: boolean): Row[] => {
  if (tooling === (object === 'PermissionDependency')) refuseIfUnknown(state, FACT_OF[object]);
  if (tooling && object === 'PermissionDependency') {
    const userRows = Object.entries(state.shape.dependencies).flatMap(([permission, required]) =>
      required.map((r) => ({
        Permission: permission,
        PermissionType: 'User Permission',
        RequiredPermission: r,
        RequiredPermissionType: 'User Permission',
      }))
    );
    const otherRows = (state.shape.otherDependencies ?? []).map((d) => ({
      Permission: d.permission,
      PermissionType: d.permissionType,
      RequiredPermission: d.requiredPermission,
      RequiredPermissionType: d.requiredPermissionType,
    }));
    return [...userRows, ...otherRows].map((row, i) => ({ Id: `2Pd${String(i).padStart(12, '0')}`, ...row }));
  }
  if (!tooling && object === 'Organization') {
    // A sandbox reports IsSandbox true and its production's edition; the instance name is informational.
    return [
      {
        Id: state.orgId,
        Name: 'Simulated Org',
        InstanceName: state.shape.sandbox ? 'SIM1S' : 'SIM1',
        IsSandbox: Boolean(state.shape.sandbox),
        TrialExpirationDate: null,
        NamespacePrefix: null,
        OrganizationType: state.shape.edition,
      },
    ];
  }
  if (!tooling && object === 'OauthToken') return visibleTokens(state);
  const table = !tooling || TOOLING_OBJECTS.has(object) ? state.records.get(object) : undefined;
  if (!table)
    throw new RestError(
      400,
      'INVALID_TYPE',
      `sObject type '${object}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
    );
  return table;
};

/**
 * Semi-joins (`Id IN (SELECT PermissionSetId FROM PermissionSetAssignment WHERE …)`, SOQL reference
 * "Semi-Joins with IN"): the inner query runs first and its one field's values become the list.
 */
const resolveSemiJoins = (state: OrgState, soql: string, tooling: boolean): string => {
  const at = soql.search(/\bIN\s*\(\s*SELECT\b/i);
  if (at < 0) return soql;
  const open = soql.indexOf('(', at);
  let depth = 0;
  let close = open;
  for (; close < soql.length; close++) {
    if (soql[close] === '(') depth++;
    if (soql[close] === ')' && --depth === 0) break;
  }
  const inner = soql.slice(open + 1, close);
  const field = parseSoql(inner).fields[0] ?? 'Id';
  const values = runQuery(state, inner, tooling).records.map(
    (r) =>
      `'${String(r[field] ?? '')
        .replace(/\\/g, '\\\\')
        .replace(/'/g, "\\'")}'`
  );
  return resolveSemiJoins(state, `${soql.slice(0, at)}IN (${values.join(', ')})${soql.slice(close + 1)}`, tooling);
};

/** Runs a query against the state; unknown columns answer INVALID_FIELD with Salesforce's text. */
export const runQuery = (
  state: OrgState,
  soql: string,
  tooling = false
): { totalSize: number; done: true; records: Array<Record<string, unknown>> } => {
  const q = parseSoql(resolveSemiJoins(state, soql, tooling));
  const table = tableOf(state, q.object, tooling);
  const columns = new Set(['Id', ...table.flatMap((r) => Object.keys(r))]);
  for (const field of [...q.fields, ...[...q.where, ...(q.anyOf ?? [])].map((w) => w.field)]) {
    if (table.length && !columns.has(field)) {
      throw new RestError(
        400,
        'INVALID_FIELD',
        `No such column '${field}' on entity '${q.object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
      );
    }
  }
  const holds = (row: Row, w: Condition): boolean => {
    const value = row[w.field] ?? null;
    if (w.op === 'LIKE') return typeof value === 'string' && likeMatches(String(w.values[0] ?? ''), value);
    return conditionHolds(value, w);
  };
  const matches = table.filter((row) =>
    q.anyOf ? q.anyOf.some((w) => holds(row, w)) : q.where.every((w) => holds(row, w))
  );
  const records = matches.map((row) => ({
    attributes: { type: q.object },
    ...Object.fromEntries(q.fields.map((f) => [f, row[f] ?? null])),
  }));
  return { totalSize: records.length, done: true, records };
};

/** One comparison other than LIKE, as the org makes it. */
const conditionHolds = (value: unknown, w: Condition): boolean => {
  // Dates and datetimes compare as ISO text (LoginTime >= 2026-11-24T00:00:00Z).
  if (w.op.startsWith('>') || w.op.startsWith('<')) {
    const [a, b] = [String(value ?? ''), String(w.values[0] ?? '')];
    return value !== null && (w.op === '>=' ? a >= b : w.op === '<=' ? a <= b : w.op === '>' ? a > b : a < b);
  }
  const hit = w.values.some((v) =>
    typeof v === 'string' && typeof value === 'string' ? v.toLowerCase() === value.toLowerCase() : v === value
  );
  return w.op === '!=' ? !hit : hit;
};
