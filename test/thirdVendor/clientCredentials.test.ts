import fs from 'node:fs';
import path from 'node:path';
import { run } from '../helpers/simulatedOrg';
import { useClientCredentialsProjectAsCwd } from '../helpers/thirdVendor';

/**
 * A vendor whose app uses the OAuth 2.0 client credentials flow, added as data only
 * (test/fixtures/client-credentials-vendor): permission set, API-only integration user, an External
 * Client App that runs as that user, no certificate and no published ranges.
 */
const LUMEN = ['--values', 'config/orgs/lumen.json', '--vendor', 'lumen'];
const POLICY = 'force-app/lumen/main/default/extlClntAppOauthPolicies/Lumen_Audit_oauthPlcy.ecaOauthPlcy-meta.xml';
const GLOBAL = 'force-app/lumen/main/default/extlClntAppGlobalOauthSets/Lumen_Audit_glbloauth.ecaGlblOauth-meta.xml';

type Problems = Array<{ code?: string; file: string; field: string; message: string; severity?: string }>;

describe('a client-credentials vendor described by data only', () => {
  const project = useClientCredentialsProjectAsCwd();

  describe('offline', () => {
    it('check passes with no certificate and no ranges, and says nothing about either', async () => {
      const { code, out, json } = await run('check', ...LUMEN, '--json');
      expect(out).toContain('"status": 0');
      expect(code).toBe(0);
      const problems = (json().data as { problems: Problems } | undefined)?.problems ?? [];
      expect(problems).toEqual([]);
      const emitted = fs.readFileSync(
        path.join(project(), 'out/lumen/metadata/extlClntAppOauthPolicies/Lumen_Audit_oauthPlcy.ecaOauthPlcy'),
        'utf8'
      );
      expect(emitted).toContain('<clientCredentialsFlowUser>lumen.integration@example.com</clientCredentialsFlowUser>');
    });
  });
});
