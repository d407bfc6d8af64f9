import { main } from '../../src/cli';
import { networkError } from '../../src/org/networkError';
import { recordingIo } from '../../src/output/io';
import { useProjectCopyAsCwd } from '../helpers/projectCwd';
import { calls, run, useSimulatedOrg } from '../helpers/simulatedOrg';
import { startOrgSimulator } from '../org-simulator';

const VALUES = ['--values', 'config/orgs/example.json'];

/** Runs `body` with SF_ORG_INSTANCE_URL set, then unsets it. */
const withInstanceUrl = async <T>(url: string, body: () => Promise<T>): Promise<T> => {
  process.env.SF_ORG_INSTANCE_URL = url;
  try {
    return await body();
  } finally {
    delete process.env.SF_ORG_INSTANCE_URL;
  }
};

/** A loopback address where nothing listens: a simulator started, then stopped. */
const closedAddress = async (): Promise<string> => {
  const gone = await startOrgSimulator({ shape: 'enterprise-shield' });
  await gone.stop();
  return gone.instanceUrl;
};

describe('only https reaches an org (loopback aside), and network failures are named', () => {
  useProjectCopyAsCwd();
  const sim = useSimulatedOrg('prod', () => ({ shape: 'enterprise-shield' }));

  it.each(['plan', 'suspend', 'deploy'])(
    '%s refuses SF_ORG_INSTANCE_URL=http://<not loopback> before any request, and never prints the token',
    async (command) => {
      const { code, out } = await withInstanceUrl('http://user:secret@sandbox.example.com', () =>
        run(command, '-o', sim().accessToken, ...VALUES, '--vendor', 'ispm')
      );
      expect(code).toBe(1);
      expect(out).toContain(
        "SF_ORG_INSTANCE_URL is http://sandbox.example.com: only https reaches an org (an access token, a signed JWT or a session would cross the network in clear text); plain http is allowed on this machine's loopback only."
      );
      expect(out).toContain('Set SF_ORG_INSTANCE_URL to the https address, e.g. https://sandbox.example.com.');
      expect(out).not.toContain('secret');
      expect(out).not.toContain(sim().accessToken);
    }
  );

  it('refuses SF_ORG_INSTANCE_URL that is no URL, by name', async () => {
    const { code, out } = await withInstanceUrl('mycompany.my.salesforce.com', () =>
      run('plan', '-o', sim().accessToken, ...VALUES)
    );
    expect(code).toBe(1);
    expect(out).toContain('SF_ORG_INSTANCE_URL is not a URL: "mycompany.my.salesforce.com".');
    expect(out).not.toContain('Invalid URL');
  });

  it('verify --login-url http://… is refused before any org is contacted: the signed JWT never crosses in clear text', async () => {
    const from = sim().requests.length;
    const { code, out } = await run('verify', '-o', 'prod', ...VALUES, '--login-url', 'http://login.example.com');
    expect(code).toBe(1);
    expect(out).toContain(
      'Error (InsecureOrgUrlError): --login-url is http://login.example.com: only https reaches an org'
    );
    expect(sim().requests.slice(from)).toEqual([]);
  });

  it("an org that refuses connections is named with its host and a fix, never node's text or user:password@", async () => {
    const url = await closedAddress();
    const host = new URL(url).host;
    const withCredentials = url.replace('http://', 'http://user:secret@');
    const { code, out } = await withInstanceUrl(withCredentials, () => run('plan', '-o', sim().accessToken, ...VALUES));
    expect(code).toBe(1);
    expect(out).toContain(
      `Cannot reach ${host}: nothing answers at that address and port (connection refused) (ECONNREFUSED).`
    );
    expect(out).toContain("Check this machine's network, proxy (HTTPS_PROXY) and VPN, then run the command again.");
    expect(out).not.toContain('secret');
    expect(out).not.toMatch(/request to .* failed, reason/);
  });

  it('an org that vanishes while a deploy is polled: the failure is named, the resume hint can run as printed', async () => {
    const io = recordingIo();
    const stderr = io.stderr;
    let stopping: Promise<void> | undefined;
    io.stderr = (text: string): void => {
      stderr(text);
      if (!stopping && text.includes('deploy id')) stopping = sim().stop();
    };
    // Short backoff: the retries after the org is gone take milliseconds, not seconds.
    process.env.VENDOR_ACCESS_POLL_INTERVAL_MS = '5';
    const code = await withInstanceUrl(sim().instanceUrl, () =>
      main(['deploy', '-o', sim().accessToken, ...VALUES, '--vendor', 'ispm'], io)
    ).finally(() => delete process.env.VENDOR_ACCESS_POLL_INTERVAL_MS);
    await stopping;
    const out = io.text();
    expect(code).toBe(69);
    expect(out).toMatch(/lost track of the deploy after it started: Cannot reach 127\.0\.0\.1:\d+: nothing answers/);
    expect(out).not.toMatch(/request to .* failed, reason/);
    expect(out).toMatch(
      /Find out with: vendor-access deploy --resume 0Af\w+ -o <access token> \(with SF_ORG_INSTANCE_URL set\)/
    );
    expect(out).not.toMatch(/-o 00D\w+ \(access token\)/);
  });

  it('an expired session while creating the integration user is not blamed on the username', async () => {
    sim().faults.set({
      onOperation: [
        { op: 'composite', nth: 3, fault: 'expiredSession' },
        { op: 'sobjects/User', nth: 1, fault: 'expiredSession' },
      ],
    });
    const { code, out } = await run('deploy', '-o', 'prod', ...VALUES, '--vendor', 'ispm');
    expect(code).toBe(1);
    expect(calls(sim())).toContain('deploy');
    expect(out).toContain(
      'The org ended the session (INVALID_SESSION_ID) while the integration user ispm.integration@example.com.vendoraccess was being created: the values are not at fault'
    );
    expect(out).not.toContain('set another integrationUsername');
  });
});

describe('network failures as named errors', () => {
  it.each([
    [
      'ENETUNREACH',
      { code: 'ENETUNREACH', address: '10.1.2.3', port: 443 },
      'Cannot reach 10.1.2.3:443: no route to that network',
    ],
    [
      'EAI_AGAIN',
      Object.assign(
        new Error(
          'request to https://u:p@acme.my.salesforce.com/services/data failed, reason: getaddrinfo EAI_AGAIN acme.my.salesforce.com'
        ),
        { code: 'EAI_AGAIN' }
      ),
      'Cannot reach acme.my.salesforce.com: the host name could not be looked up',
    ],
    [
      'a fetch failure with its cause',
      Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED', address: '127.0.0.1', port: 9 } }),
      'Cannot reach 127.0.0.1:9: nothing answers',
    ],
  ])('%s', (_name, err, text) => {
    const named = networkError(err);
    expect(named?.name).toBe('OrgUnreachableError');
    expect(named?.message).toContain(text);
    expect(named?.message).not.toContain('u:p@');
  });

  it('is undefined for anything else', () => {
    expect(networkError(new Error('INVALID_FIELD: no such column'))).toBeUndefined();
  });
});
