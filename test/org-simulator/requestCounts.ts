import type { RequestLog } from './server';

/** What one org received: every HTTP request counts once (a composite request is one round trip). */
export type RequestCounts = { total: number; byKind: Record<string, number> };

/**
 * `deploy`, `checkDeployStatus`… for SOAP calls; `GET query`, `GET tooling/query`,
 * `POST composite`, `POST sobjects/User`… for REST, the API version and record ids left out.
 */
export const requestKind = (request: RequestLog): string => {
  if (request.soapOp) return request.soapOp;
  const rest = request.path
    .replace(/^\/services\/data\/v[\d.]+\//, '')
    .replace(/\/$/, '')
    .replace(/\/[a-zA-Z0-9]{15,18}$/, '/<id>');
  return `${request.method} ${rest}`;
};

export const countRequests = (requests: RequestLog[]): RequestCounts => {
  const byKind: Record<string, number> = {};
  for (const request of requests) {
    const kind = requestKind(request);
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  return { total: requests.length, byKind };
};
