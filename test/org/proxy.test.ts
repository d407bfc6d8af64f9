import https from 'node:https';
import net from 'node:net';
import { generateCertificate } from '../../src/certificate';
import { postForm, proxyFor } from '../../src/org/http';
import { LocalProxy, startLocalProxy } from '../helpers/localProxy';
import { deployIspmWithOwnKey } from '../helpers/ispmWithOwnKey';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { run, useSimulatedOrg } from '../helpers/simulatedOrg';

const PROXY_VARIABLES = ['https_proxy', 'http_proxy', 'HTTPS_PROXY', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY'];

/** Sets the proxy variables for one test and puts the machine's own back afterwards. */
const useProxyEnvironment = (): ((env: Record<string, string>) => void) => {
  const saved = new Map(PROXY_VARIABLES.map((name) => [name, process.env[name]]));
  afterEach(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  return (env) => {
    for (const name of PROXY_VARIABLES) delete process.env[name];
    Object.assign(process.env, env);
  };
};

describe('verify --private-key logs in through the proxy the environment names', () => {
  const project = useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));
  const setEnv = useProxyEnvironment();
  let proxy: LocalProxy;
  let keyFile: string;

  beforeEach(async () => {
    keyFile = await deployIspmWithOwnKey(project());
    proxy = await startLocalProxy();
  });
  afterEach(async () => proxy.stop());

  const verifyIspm = (): ReturnType<typeof run> =>
    run('verify', '-o', 'prod', '--values', 'config/orgs/example.json', '--vendor', 'ispm', '--private-key', keyFile);

  it('sends the JWT token request to HTTPS_PROXY, and the login succeeds through it', async () => {
    setEnv({ HTTPS_PROXY: proxy.url });
    const { code, out } = await verifyIspm();
    expect(out).toContain('ok   JWT bearer login as ispm.integration@example.com.vendoraccess succeeded');
    expect(code).toBe(0);
    expect(proxy.seen).toContain(`POST ${sim().instanceUrl}/services/oauth2/token`);
  });

  it('goes straight to the org when NO_PROXY names its host', async () => {
    setEnv({ HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com, 127.0.0.1' });
    const { code } = await verifyIspm();
    expect(code).toBe(0);
    expect(proxy.seen.filter((line) => line.includes('/services/oauth2/token'))).toEqual([]);
  });
});

describe('proxyFor', () => {
  const target = new URL('https://acme.my.salesforce.com/services/oauth2/token');

  it.each([
    [{ HTTPS_PROXY: 'http://proxy.corp:3128' }, 'http://proxy.corp:3128/'],
    [{ https_proxy: 'proxy.corp:8080', HTTPS_PROXY: 'http://other:1' }, 'http://proxy.corp:8080/'],
    [{ HTTP_PROXY: 'http://proxy.corp:3128' }, 'http://proxy.corp:3128/'],
    [{ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'salesforce.com' }, undefined],
    [{ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: '.my.salesforce.com' }, undefined],
    [{ HTTPS_PROXY: 'http://proxy.corp:3128', no_proxy: '*' }, undefined],
    [{ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'acme.my.salesforce.com:443' }, undefined],
    [{ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'acme.my.salesforce.com:8443' }, 'http://proxy.corp:3128/'],
    [{ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'force.com,my.salesforce.co' }, 'http://proxy.corp:3128/'],
    [{}, undefined],
  ])('%j → %s', (env, expected) => {
    expect(proxyFor(target, env)?.href).toBe(expected);
  });

  it('matches IPv6 loopback with and without brackets', () => {
    const v6 = new URL('http://[::1]:8080/x');
    expect(proxyFor(v6, { HTTPS_PROXY: 'http://p:1', NO_PROXY: '::1' })).toBeUndefined();
    expect(proxyFor(v6, { HTTPS_PROXY: 'http://p:1', NO_PROXY: '[::1]:8080' })).toBeUndefined();
    expect(proxyFor(v6, { HTTPS_PROXY: 'http://p:1', NO_PROXY: '[::1]:9' })?.href).toBe('http://p:1/');
  });
});

describe('postForm to an https endpoint', () => {
  let proxy: LocalProxy;
  let server: https.Server;
  let ca: string;
  const received: string[] = [];

  beforeAll(async () => {
    const tlsPair = await generateCertificate({ commonName: 'localhost' });
    ca = tlsPair.certificatePem;
    server = https.createServer({ cert: tlsPair.certificatePem, key: tlsPair.privateKeyPem }, (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push(`${req.method ?? '?'} ${req.url ?? ''} ${body}`);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"instance_url":"https://x"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = await startLocalProxy();
  });
  afterAll(async () => {
    await proxy.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('opens a CONNECT tunnel: the proxy sees the host, never the form', async () => {
    const { port } = server.address() as net.AddressInfo;
    const answer = await postForm(
      `https://localhost:${port}/services/oauth2/token`,
      { grant_type: 'client_credentials', client_secret: 's3cret' },
      { ca, env: { HTTPS_PROXY: `${proxy.url.replace('http://', 'http://user:pw@')}` } }
    );
    expect(answer).toEqual({ status: 200, body: '{"instance_url":"https://x"}' });
    expect(proxy.seen).toEqual([`CONNECT localhost:${port}`]);
    expect(received).toEqual(['POST /services/oauth2/token grant_type=client_credentials&client_secret=s3cret']);
  });
});
