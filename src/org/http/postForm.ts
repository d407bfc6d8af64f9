import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { proxyFor } from './proxyFor';

export type FormResponse = { status: number; body: string };

export type PostFormOptions = {
  /** Extra trust anchors for https (tests with a self-signed server); the system store otherwise. */
  ca?: string;
  /** Milliseconds before the request is abandoned; the token endpoint answers in well under this. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
};

/** A token endpoint's answer is a small JSON object: more than this is not one, and is not read whole. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * One HTTP request and its answer, through the proxy the environment names (see proxyFor): an http
 * target is sent in absolute form to the proxy, an https target through a CONNECT tunnel, so the
 * proxy never sees the TLS payload. Node's global `fetch` ignores HTTPS_PROXY, which is why the
 * logins vendor-access makes itself use this instead.
 */
export const httpRequest = async (
  url: string,
  request: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
  options: PostFormOptions = {}
): Promise<FormResponse> => {
  const target = new URL(url);
  const body = request.body ?? '';
  const headers = {
    accept: 'application/json',
    ...(request.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
    ...request.headers,
  };
  const proxy = proxyFor(target, options.env);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const sent =
    proxy === undefined
      ? direct(target, request.method, headers, options.ca)
      : target.protocol === 'https:'
      ? await tunnelled(target, proxy, request.method, headers, timeoutMs, options.ca)
      : forwarded(target, proxy, request.method, headers);
  return send(sent, body, timeoutMs);
};

/** POSTs an `application/x-www-form-urlencoded` body and reads the answer (httpRequest). */
export const postForm = (
  url: string,
  fields: Record<string, string>,
  options: PostFormOptions = {}
): Promise<FormResponse> =>
  httpRequest(
    url,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    },
    options
  );

type Headers = Record<string, string>;

const direct = (target: URL, method: string, headers: Headers, ca: string | undefined): http.ClientRequest =>
  (target.protocol === 'https:' ? https : http).request(target, {
    method,
    headers,
    ...(ca === undefined ? {} : { ca }),
  });

/** Basic credentials from the proxy URL, which are sent to the proxy and never printed. */
const proxyAuthorization = (proxy: URL): Headers =>
  proxy.username === ''
    ? {}
    : {
        'proxy-authorization': `Basic ${Buffer.from(
          `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`
        ).toString('base64')}`,
      };

const proxyPort = (proxy: URL): number => Number(proxy.port || (proxy.protocol === 'https:' ? 443 : 80));

/** Plain http through a forward proxy: the request line carries the absolute URL. */
const forwarded = (target: URL, proxy: URL, method: string, headers: Headers): http.ClientRequest =>
  http.request({
    host: proxy.hostname.replace(/^\[|\]$/g, ''),
    port: proxyPort(proxy),
    method,
    path: target.href,
    headers: { ...headers, host: target.host, ...proxyAuthorization(proxy) },
  });

/** https through `CONNECT host:port`; TLS is then spoken with the target over the tunnel. */
const tunnelled = (
  target: URL,
  proxy: URL,
  method: string,
  headers: Headers,
  timeoutMs: number,
  ca: string | undefined
): Promise<http.ClientRequest> =>
  new Promise((resolve, reject) => {
    const authority = `${target.hostname}:${target.port || '443'}`;
    const connect = http.request({
      host: proxy.hostname.replace(/^\[|\]$/g, ''),
      port: proxyPort(proxy),
      method: 'CONNECT',
      path: authority,
      headers: { host: authority, ...proxyAuthorization(proxy) },
    });
    connect.setTimeout(timeoutMs, () =>
      connect.destroy(Object.assign(new Error('proxy timeout'), { code: 'ETIMEDOUT' }))
    );
    connect.once('error', reject);
    connect.once('connect', (response, socket) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        reject(
          Object.assign(new Error(`the proxy refused the tunnel (HTTP ${response.statusCode ?? '?'})`), {
            code: 'EPROXYREFUSED',
          })
        );
        return;
      }
      resolve(
        https.request(target, {
          method,
          headers,
          createConnection: () =>
            tls.connect({ socket, servername: target.hostname, ...(ca === undefined ? {} : { ca }) }),
        })
      );
    });
    connect.end();
  });

const send = (request: http.ClientRequest, body: string, timeoutMs: number): Promise<FormResponse> =>
  new Promise((resolve, reject) => {
    request.setTimeout(timeoutMs, () =>
      request.destroy(Object.assign(new Error('request timeout'), { code: 'ETIMEDOUT' }))
    );
    request.once('error', reject);
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          response.destroy();
          reject(Object.assign(new Error('answer too large'), { code: 'ERESPONSETOOLARGE' }));
          return;
        }
        chunks.push(chunk);
      });
      response.once('error', reject);
      response.once('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') })
      );
    });
    request.end(body);
  });
