/**
 * Which proxy, if any, a request to `url` goes through.
 *
 * The proxy variables are read in the order @jsforce/jsforce-node's transport reads them (`https_proxy`,
 * `http_proxy`, `HTTPS_PROXY`, `HTTP_PROXY`, one proxy for every target), so the logins vendor-access
 * makes itself take the same way out as every call @salesforce/core makes. `NO_PROXY` / `no_proxy` is
 * honoured as curl and most tools read it (comma- or space-separated host names, `.suffix` or bare
 * domain matching subdomains, optional `:port`, `*` for every host). jsforce itself does not read
 * NO_PROXY; that is its behaviour, not ours, and is said in docs/proxy.md.
 */
export const proxyFor = (url: URL, env: NodeJS.ProcessEnv = process.env): URL | undefined => {
  const raw = env.https_proxy ?? env.http_proxy ?? env.HTTPS_PROXY ?? env.HTTP_PROXY;
  if (!raw || raw.trim() === '') return undefined;
  if (bypassed(url, env.no_proxy ?? env.NO_PROXY ?? '')) return undefined;
  // A proxy given as host:port (no scheme) is an http proxy, as curl takes it.
  return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
};

const defaultPort = (url: URL): string => url.port || (url.protocol === 'https:' ? '443' : '80');

/** Host names compare without IPv6 brackets, case-insensitively and without a trailing dot. */
const bareHost = (host: string): string =>
  host
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();

/** `host`, `host:port`, `[v6]`, `[v6]:port`, or a bare IPv6 address (more than one colon, no port). */
const hostAndPort = (entry: string): [string, string | undefined] => {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return [bracketed[1] ?? '', bracketed[2]];
  if ((entry.match(/:/g) ?? []).length > 1) return [entry, undefined];
  const plain = /^([^:]*)(?::(\d+))?$/.exec(entry);
  return plain ? [plain[1] ?? '', plain[2]] : [entry, undefined];
};

const bypassed = (url: URL, noProxy: string): boolean => {
  const host = bareHost(url.hostname);
  return noProxy
    .split(/[\s,]+/)
    .filter((entry) => entry !== '')
    .some((entry) => {
      if (entry === '*') return true;
      const [name, port] = hostAndPort(entry);
      if (port !== undefined && port !== defaultPort(url)) return false;
      const wanted = bareHost(name).replace(/^\*?\./, '');
      return host === wanted || host.endsWith(`.${wanted}`);
    });
};
