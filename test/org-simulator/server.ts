import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { decideFault, FaultPlan } from './faults';
import { lifecycleRecordRequest, logFileBody, revokeToken, syncUserLogins } from './lifecycle';
import { clientCredentialsGrant, jwtBearerGrant, refreshTokenGrant } from './oauth';
import { appEnforcesIp, CALLER_IP_HEADER, enforcesEveryRequest, outsideLoginRanges } from './rules/loginIpRules';
import type { OrgState } from './orgState';
import { rows } from './orgState';
import {
  API_VERSIONS,
  createRecord,
  describeGlobal,
  describePermissionSet,
  describePermissionSetLicense,
  renameUser,
  runQuery,
} from './rest';
import { MetadataSoap, parseSoap, soapFault } from './soap';
import { RestError } from './soql';
import { runComposite } from './composite';

/** One request the org received; a deploy also records its members (`Type:fullName`, sorted) for tests. */
export type RequestLog = {
  method: string;
  path: string;
  soapOp?: string;
  soql?: string;
  status: number;
  members?: string[];
  /** A token request's grant_type (never its credentials). */
  grantType?: string;
  subrequests?: Array<{ method: string; path: string; soql?: string }>;
  /** A composite call with allOrNone whose subrequests were all rolled back (one of them failed). */
  rolledBack?: true;
};

export type ServerOptions = {
  state: OrgState;
  accessToken: string;
  deployPolls: number;
  faults: () => FaultPlan;
  idleTimeoutMs?: number;
  onIdle?: () => void;
  /** The refresh token of the admin's sfdx auth URL (the refresh-token grant answers with accessToken). */
  refreshToken: string;
  /** Serve HTTPS with this key and certificate (an sfdx auth URL always means https://). */
  tls?: { key: string; cert: string };
};

const readBody = (req: http.IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const restError = (
  status: number,
  errorCode: string,
  message: string,
  fields: string[]
): { status: number; body: string } => ({ status, body: JSON.stringify([{ message, errorCode, fields }]) });

// Access tokens the JWT grant minted, per org state: token → user id.
type Session = { userId: string; app: string };
const sessionsOf = new WeakMap<OrgState, Map<string, Session>>();
const mintSession = (state: OrgState, userId: string, app: string): string => {
  const token = `${state.orgId}!AQ${crypto.randomBytes(24).toString('base64url').replace(/[^\w]/g, 'x')}`;
  const map = sessionsOf.get(state) ?? new Map<string, Session>();
  map.set(token, { userId, app });
  sessionsOf.set(state, map);
  return token;
};

export type RestAnswer = { status: number; body?: string; contentType?: string };

/** allOrNone for composite: the records as they were, and putting them back. */
const recordsRollback = (state: OrgState): { snapshot: () => unknown; restore: (saved: unknown) => void } => ({
  snapshot: (): unknown => new Map([...state.records].map(([k, list]) => [k, list.map((r) => ({ ...r }))])),
  restore: (saved): void => {
    state.records.clear();
    for (const [k, list] of saved as OrgState['records']) state.records.set(k, list);
  },
});

const NOT_FOUND = [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }];
const json = (status: number, payload: unknown): RestAnswer => ({ status, body: JSON.stringify(payload) });

/**
 * One REST call (/services/data/…, /services/oauth2/userinfo) answered from the org state, as the
 * session's user (a JWT-minted session) or the admin; the HTTP handler and each composite
 * subrequest use it. RestErrors become Salesforce's error list.
 */
// eslint-disable-next-line complexity -- a router: one branch per REST resource the org answers
export const answerRest = (
  state: OrgState,
  sessionUser: Record<string, unknown> | undefined,
  method: string,
  path: string,
  searchParams: URLSearchParams,
  body: string,
  log?: RequestLog
): RestAnswer => {
  try {
    syncUserLogins(state);
    const admin = sessionUser ?? rows(state, 'User')[0] ?? {};
    if (path === '/services/oauth2/userinfo')
      return json(200, {
        user_id: admin.Id,
        organization_id: state.orgId,
        preferred_username: admin.Username,
        email: admin.Email,
      });
    if (path === '/services/data' || path === '/services/data/') return json(200, API_VERSIONS);
    const m = /^\/services\/data\/v[\d.]+\/(tooling\/)?(.*)$/.exec(path);
    if (!m) return json(404, NOT_FOUND);
    const tooling = Boolean(m[1]);
    const rest = m[2] ?? '';
    if (rest === 'query' || rest === 'query/') {
      const soql = searchParams.get('q') ?? '';
      // eslint-disable-next-line no-param-reassign -- the caller's request log is filled in on purpose
      if (log) log.soql = soql;
      return json(200, runQuery(state, soql, tooling));
    }
    // Not source-tracked: core reads this 404 with this exact message (toolchain 4.3).
    if (tooling && rest === 'sobjects/SourceMember/describe') return json(404, NOT_FOUND);
    if (rest === 'sobjects' && method === 'GET') return json(200, describeGlobal(state));
    if (rest === 'sobjects/PermissionSet/describe') return json(200, describePermissionSet(state));
    if (rest === 'sobjects/PermissionSetLicense/describe') return json(200, describePermissionSetLicense(state));
    if (rest === 'limits') return json(200, { DailyApiRequests: { Max: 15_000, Remaining: 14_000 } });
    const logFile = /^sobjects\/EventLogFile\/(\w+)\/LogFile$/.exec(rest);
    if (logFile && method === 'GET') {
      const csv = logFileBody(state, logFile[1] ?? '');
      return csv === undefined ? json(404, NOT_FOUND) : { status: 200, body: csv, contentType: 'text/csv' };
    }
    const record = /^sobjects\/(\w+)\/?(\w*)$/.exec(rest);
    const lifecycle = record
      ? lifecycleRecordRequest(
          state,
          method,
          record[1] ?? '',
          record[2] ?? '',
          JSON.parse(body || '{}') as Record<string, unknown>
        )
      : undefined;
    if (lifecycle) {
      return { status: lifecycle.status };
    }
    if (record && method === 'POST' && !record[2])
      return json(201, createRecord(state, record[1] ?? '', JSON.parse(body || '{}') as Record<string, unknown>));
    if (record && method === 'GET' && record[2]) {
      const row = rows(state, record[1] ?? '').find((r) => r.Id === record[2]);
      return row ? json(200, { attributes: { type: record[1] }, ...row }) : json(404, NOT_FOUND);
    }
    if (record && method === 'PATCH' && record[2]) {
      const row = rows(state, record[1] ?? '').find((r) => r.Id === record[2]);
      if (!row) return json(404, NOT_FOUND);
      const changes = JSON.parse(body || '{}') as Record<string, unknown>;
      if (record[1] === 'User') renameUser(state, row, changes);
      Object.assign(row, changes);
      return { status: 204 };
    }
    return json(404, NOT_FOUND);
  } catch (err) {
    if (err instanceof RestError) {
      const e = restError(err.status, err.errorCode, err.message, err.fields);
      return { status: e.status, body: e.body };
    }
    return json(500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: (err as Error).message }]);
  }
};

/** An HTTP server on 127.0.0.1 that answers as a Salesforce org does; every request is logged. */
export const startServer = async (
  options: ServerOptions
): Promise<{ url: string; requests: RequestLog[]; close: () => Promise<void> }> => {
  const requests: RequestLog[] = [];
  const sessions = { get: (token: string): Session | undefined => sessionsOf.get(options.state)?.get(token) };
  let instanceUrl = '';
  let calls = 0;
  const opCalls = new Map<string, number>();
  let idleTimer: NodeJS.Timeout | undefined;
  const soap = new MetadataSoap({
    state: options.state,
    deployPolls: options.deployPolls,
    stuckPolls: () => options.faults().stuckDeployPolls ?? 0,
  });
  const touch = (): void => {
    if (!options.idleTimeoutMs) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => options.onIdle?.(), options.idleTimeoutMs);
  };
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    touch();
    // eslint-disable-next-line complexity -- a router: one branch per endpoint family (OAuth, SOAP, REST, composite)
    void (async (): Promise<void> => {
      // After `sf org login access-token` the stored instance URL ends in '/', so the CLI sends '//services/…' (toolchain 4.4).
      const url = new URL(`http://127.0.0.1${(req.url ?? '/').replace(/^\/+/, '/')}`);
      const path = url.pathname.replace(/\/{2,}/g, '/');
      const body = await readBody(req);
      const header = req.headers[CALLER_IP_HEADER];
      const callerAddress = (Array.isArray(header) ? header[0] : header) ?? req.socket.remoteAddress ?? '127.0.0.1';
      const log: RequestLog = { method: req.method ?? 'GET', path, status: 200 };
      requests.push(log);
      const call = ++calls;
      const faults = options.faults();
      if (faults.latencyMs) await new Promise((r) => setTimeout(r, faults.latencyMs));
      const send = (status: number, payload: string, type: string): void => {
        log.status = status;
        res.writeHead(status, { 'content-type': type });
        res.end(payload);
      };
      const isSoap = req.method === 'POST' && /^\/services\/Soap\/m\/[\d.]+$/.test(path);
      const soapRequest = isSoap ? parseSoap(body) : undefined;
      if (soapRequest) log.soapOp = soapRequest.op;
      const op = soapRequest?.op ?? path;
      const opCall = (opCalls.get(op) ?? 0) + 1;
      opCalls.set(op, opCall);
      const fault = decideFault(faults, call, op, opCall);
      if (fault === 'drop') {
        log.status = 0;
        req.socket.destroy();
        return;
      }
      if (fault === 'serverError')
        return isSoap
          ? send(
              500,
              soapFault(
                'UNKNOWN_EXCEPTION',
                'An unexpected error occurred. Please include this ErrorId if you contact support: 1234567-89 (-1234567890)'
              ),
              'text/xml'
            )
          : send(
              500,
              JSON.stringify([
                {
                  errorCode: 'UNKNOWN_EXCEPTION',
                  message:
                    'An unexpected error occurred. Please include this ErrorId if you contact support: 1234567-89 (-1234567890)',
                },
              ]),
              'application/json'
            );
      if (fault === 'rateLimit')
        return isSoap
          ? send(500, soapFault('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'), 'text/xml')
          : send(
              403,
              JSON.stringify([{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }]),
              'application/json'
            );

      if (req.method === 'POST' && path === '/services/oauth2/token') {
        const form = new URLSearchParams(body);
        log.grantType = form.get('grant_type') ?? '';
        if (form.get('grant_type') === 'refresh_token') {
          const answer = refreshTokenGrant(options.state, form, options.refreshToken, options.accessToken, instanceUrl);
          return send(answer.status, JSON.stringify(answer.body), 'application/json');
        }
        if (form.get('grant_type') === 'client_credentials') {
          // Form fields, or HTTP Basic with the consumer key and secret (RFC 6749 2.3.1).
          const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
          const [basicId, basicSecret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
          const answer = clientCredentialsGrant(
            options.state,
            {
              clientId: form.get('client_id') ?? decodeURIComponent(basicId ?? ''),
              clientSecret: form.get('client_secret') ?? decodeURIComponent(basicSecret ?? ''),
            },
            instanceUrl,
            (userId, app) => mintSession(options.state, userId, app),
            callerAddress
          );
          return send(answer.status, JSON.stringify(answer.body), 'application/json');
        }
        if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer')
          return send(
            400,
            JSON.stringify({ error: 'unsupported_grant_type', error_description: 'grant type not supported' }),
            'application/json'
          );
        const answer = jwtBearerGrant(
          options.state,
          form.get('assertion') ?? '',
          instanceUrl,
          (userId, app) => mintSession(options.state, userId, app),
          callerAddress
        );
        return send(answer.status, JSON.stringify(answer.body), 'application/json');
      }
      if (path === '/services/oauth2/revoke' && (req.method === 'POST' || req.method === 'GET')) {
        const answer = revokeToken(
          options.state,
          (req.method === 'POST' ? new URLSearchParams(body).get('token') : url.searchParams.get('token')) ?? ''
        );
        return send(answer.status, answer.body, 'application/json');
      }
      const token = isSoap ? soapRequest?.sessionId : req.headers.authorization?.replace(/^Bearer\s+/i, '');
      // A session minted by the JWT grant acts as its user; with "Enforce login IP ranges on every
      // request" each request from outside the user's profile ranges is refused as an invalid session.
      // Continuous IP enforcement applies to an app's sessions only while the app enforces IP restrictions.
      const session = token === undefined ? undefined : sessions.get(token);
      const sessionUser = session ? rows(options.state, 'User').find((u) => u.Id === session.userId) : undefined;
      const ipRefused = Boolean(
        session &&
          sessionUser &&
          enforcesEveryRequest(options.state) &&
          appEnforcesIp(options.state, session.app) &&
          outsideLoginRanges(options.state, sessionUser, callerAddress)
      );
      if ((token !== options.accessToken && !sessionUser) || ipRefused || fault === 'expiredSession') {
        return isSoap
          ? send(
              500,
              soapFault('INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session'),
              'text/xml'
            )
          : send(
              401,
              JSON.stringify([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]),
              'application/json'
            );
      }
      try {
        if (soapRequest) {
          const answer = await soap.handle(soapRequest);
          if (soapRequest.op === 'deploy') log.members = soap.deployedMembers.at(-1) ?? [];
          return send(200, answer, 'text/xml');
        }
        if (path === '/services/oauth2/userinfo' || path.startsWith('/services/data')) {
          const composite = /^\/services\/data\/v[\d.]+\/(tooling\/)?composite\/?$/.exec(path);
          // Composite: subrequests answered one after another by the same routes (composite.ts).
          const answer =
            composite && req.method === 'POST'
              ? await runComposite(
                  body,
                  Boolean(composite[1]),
                  (sub) => {
                    (log.subrequests ??= []).push({
                      method: sub.method,
                      path: sub.path,
                      ...(sub.searchParams.get('q') ? { soql: sub.searchParams.get('q') as string } : {}),
                    });
                    // Operation faults (onOperation) reach subrequests too, answered inside the composite.
                    const subCall = (opCalls.get(sub.path) ?? 0) + 1;
                    opCalls.set(sub.path, subCall);
                    const subFault = decideFault(
                      { ...(faults.onOperation ? { onOperation: faults.onOperation } : {}) },
                      -1,
                      sub.path,
                      subCall
                    );
                    if (subFault === 'serverError' || subFault === 'drop')
                      return {
                        status: 500,
                        body: JSON.stringify([
                          {
                            errorCode: 'UNKNOWN_EXCEPTION',
                            message:
                              'An unexpected error occurred. Please include this ErrorId if you contact support: 1234567-89 (-1234567890)',
                          },
                        ]),
                      };
                    if (subFault === 'rateLimit')
                      return {
                        status: 403,
                        body: JSON.stringify([
                          { errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' },
                        ]),
                      };
                    return answerRest(options.state, sessionUser, sub.method, sub.path, sub.searchParams, sub.body);
                  },
                  {
                    ...recordsRollback(options.state),
                    rolledBack: () => {
                      log.rolledBack = true;
                    },
                  },
                  Number(/\/v([\d.]+)\//.exec(path)?.[1] ?? 64)
                )
              : answerRest(options.state, sessionUser, req.method ?? 'GET', path, url.searchParams, body, log);
          log.status = answer.status;
          if (answer.body === undefined) {
            res.writeHead(answer.status);
            res.end();
            return;
          }
          return send(answer.status, answer.body, answer.contentType ?? 'application/json');
        }
        return send(
          404,
          JSON.stringify([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]),
          'application/json'
        );
      } catch (err) {
        if (err instanceof RestError) {
          const e = restError(err.status, err.errorCode, err.message, err.fields);
          return send(e.status, e.body, 'application/json');
        }
        return send(
          500,
          JSON.stringify([{ errorCode: 'UNKNOWN_EXCEPTION', message: (err as Error).message }]),
          'application/json'
        );
      }
    })();
  };
  const server = options.tls ? https.createServer(options.tls, handler) : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  instanceUrl = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  touch();
  return {
    url: instanceUrl,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(idleTimer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
