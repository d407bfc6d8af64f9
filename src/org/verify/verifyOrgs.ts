import path from 'node:path';
import { readPrivateKeyPem } from '../../certificate';
import type { ExitCode } from '../../output';
import { checkOutputPath, type OutputTarget } from '../../files';
import { valueByRole, valuesInputs } from '../../values';
import { checkOrgUrl } from '../read/orgUrl';
import { Finding, findingFromProblem, findingsFrom, forCheck } from '../findings';
import { exitCodeOfRun, OrgFailure, runOrgs } from '../runOrgs';
import { summariseChanges } from '../plan/formatPlan';
import { describeGap } from '../plan/orgFeatures';
import { hardeningFindings } from '../hardening';
import { OrgPlan, planOrg } from '../plan/planOrg';
import { prepareVendors } from '../read/prepareVendors';
import { clientCredentialsLogin, ClientCredentialsLoginResult } from './clientCredentialsLogin';
import { jwtLogin, JwtLoginResult } from './jwtLogin';
import { readConsumerSecret } from './readConsumerSecret';

export type VerifyOptions = {
  projectDir: string;
  targetOrgs: string[];
  vendors: string[];
  valuesFile: string;
  concurrency?: number;
  /** With a private key, log in as each integration user through the JWT bearer flow. */
  privateKeyFile?: string;
  /** With a consumer secret (in a 0600 file), log in to each client-credentials app and prove its run-as user. */
  consumerSecretFile?: string;
  consumerKey?: string;
  /** Token endpoint host (default: the org's instance URL) and JWT audience (default login.salesforce.com). */
  loginUrl?: string;
  audience?: string;
  certWarnDays?: number;
  onProgress?: (org: string, message: string) => void;
  /** Files the command writes after the run (`--junit`): held to the output rule, with the run's inputs, before any org is contacted. */
  outputs?: OutputTarget[];
};

export type { Finding } from '../findings';
export type OrgVerification = {
  targetOrg: string;
  ok: boolean;
  findings: Finding[];
  logins: Array<
    | { vendor: string; username: string; result: JwtLoginResult }
    | { vendor: string; username: string; flow: 'clientCredentials'; result: ClientCredentialsLoginResult }
  >;
  /** Each vendor app's certificate as the org holds it: days left, absent when unreadable. */
  certificates: Array<{ vendor: string; app: string; daysLeft?: number }>;
  /** Each integration user's last successful login (User.LastLoginDate), absent when it never logged in. */
  vendorUsers: Array<{ vendor: string; username: string; exists: boolean; lastLogin?: string }>;
  /** Wall time of this org's read and comparison. */
  seconds: number;
};
export type VerifyResult = {
  exitCode: ExitCode;
  /** An org that could not be read is an OrgFailure, `ok: false` like a drifted one. */
  orgs: Array<OrgVerification | (OrgFailure & { ok: false; seconds?: number })>;
  /** Every warning of the run, each once with its orgs; the command moves them to the output's warnings. */
  warnings: string[];
};

const finding = findingsFrom('verify');

const certificateFinding = (app: OrgPlan['apps'][number], certWarnDays: number): Finding => {
  const cert = app.certificate;
  const check = (f: Finding): Finding => forCheck(`certificate ${app.app}`, f);
  if (!cert) return check(finding.fail('AppCertificateUnreadable', [app.app]));
  if (cert.daysLeft < 0) return check(finding.fail('AppCertificateExpired', [app.app, cert.notAfter.slice(0, 10)]));
  const tokens = [app.app, cert.sha256Fingerprint.slice(0, 23), cert.daysLeft];
  // Renew soon is a warning: it passes, but no reporter should count it as a plain pass.
  return check(
    cert.daysLeft < certWarnDays
      ? finding.warn('AppCertificateRenewSoon', tokens)
      : finding.pass('AppCertificateValid', tokens)
  );
};

const componentFinding = (c: OrgPlan['components'][number]): Finding => {
  const check = (f: Finding): Finding => forCheck(`component ${c.component}`, f);
  if (c.action === 'none') return check(finding.pass('ComponentAsIntended', [c.component]));
  const detail = summariseChanges(c.changes).join('; ');
  return check(
    c.action === 'create'
      ? finding.fail('ComponentMissing', [c.component], [], detail)
      : finding.fail('ComponentDiffers', [c.component], [], detail)
  );
};

const userFinding = (u: OrgPlan['users'][number]): Finding => {
  const check = (f: Finding): Finding => forCheck(`integration user ${u.username}`, f);
  if (u.action === 'create') return check(finding.fail('IntegrationUserMissing', [u.username]));
  if (u.assign.length)
    return check(finding.fail('IntegrationUserLacksPermissionSets', [u.username, u.assign.join(', ')]));
  return check(finding.pass('IntegrationUserAsIntended', [u.username]));
};

const findingsOf = (plan: OrgPlan, certWarnDays: number): Finding[] => {
  // A preflight warning is said once for the run (the output's warnings), not as a finding per org.
  const findings: Finding[] = plan.problems.filter((p) => p.severity === 'error').map(findingFromProblem);
  findings.push(...plan.components.map(componentFinding));
  if (plan.trustedRanges) {
    // One check for the whole list: its missing ranges are one failing test case, not one case each.
    for (const r of plan.trustedRanges.add)
      findings.push(
        forCheck('trusted IP ranges', finding.fail('TrustedRangeMissing', [r.start, r.end, r.description ?? '']))
      );
    if (!plan.trustedRanges.add.length)
      findings.push(forCheck('trusted IP ranges', finding.pass('TrustedRangesPresent')));
  }
  findings.push(...plan.users.map(userFinding));
  findings.push(...hardeningFindings(plan.hardening, plan.appEnforcesIp));
  // Only a JWT bearer app holds a certificate; another flow's app has none to expire.
  findings.push(...plan.apps.filter((a) => a.flow === 'jwtBearer').map((app) => certificateFinding(app, certWarnDays)));
  // Left out on purpose (the org lacks an optional feature): a warning, not drift.
  for (const g of plan.featureGaps)
    findings.push(forCheck(`org feature ${describeGap(g)}`, finding.warn('OrgFeatureLeftOut', [describeGap(g)])));
  return findings;
};

/**
 * Logs in to each client-credentials app the way its vendor does, and proves the token's user is the
 * app's run-as user in this org (the integration user deploy set up, its sandbox copy included).
 */
const clientCredentialsLogins = async (
  plan: OrgPlan,
  options: VerifyOptions,
  consumerSecret: string,
  findings: Finding[],
  logins: OrgVerification['logins']
): Promise<void> => {
  for (const runAs of plan.runAs) {
    const check = `client credentials login ${runAs.app}`;
    const consumerKey = options.consumerKey ?? plan.apps.find((a) => a.app === runAs.app)?.consumerKey;
    if (!consumerKey) {
      findings.push(forCheck(check, finding.fail('ClientCredentialsWithoutConsumerKey', [runAs.app])));
      continue;
    }
    // eslint-disable-next-line no-await-in-loop -- one login after another, in the order of the apps
    const result = await clientCredentialsLogin({
      tokenUrl: options.loginUrl ?? plan.instanceUrl,
      consumerKey,
      consumerSecret,
    });
    logins.push({ vendor: runAs.vendor, username: runAs.username, flow: 'clientCredentials', result });
    if (!result.ok)
      findings.push(
        forCheck(
          check,
          finding.fail(
            'ClientCredentialsLoginFailed',
            [runAs.app, result.diagnosis],
            [result.fix],
            `${result.error}: ${result.description}`
          )
        )
      );
    else if (result.username.toLowerCase() !== runAs.username.toLowerCase())
      findings.push(
        forCheck(check, finding.fail('ClientCredentialsRunsAsOther', [runAs.app, result.username, runAs.username]))
      );
    else findings.push(forCheck(check, finding.pass('ClientCredentialsLoginSucceeded', [runAs.app, runAs.username])));
  }
};

/** Reads back every intended setting in each org and says, finding by finding, whether it holds. */
export const verifyOrgs = async (options: VerifyOptions): Promise<VerifyResult> => {
  // The signed JWT goes to --login-url: https only (loopback aside), refused before anything is read or sent.
  if (options.loginUrl !== undefined) checkOrgUrl(options.loginUrl, '--login-url');
  const prepared = await prepareVendors(options.projectDir, options.vendors, options.valuesFile);
  // Read and parsed before any org is contacted: a bad key is one named error, not a skipped login.
  const privateKeyPem =
    options.privateKeyFile === undefined
      ? undefined
      : readPrivateKeyPem(path.resolve(options.privateKeyFile), options.privateKeyFile);
  // Read before any org is contacted, like the key; never printed.
  const consumerSecret =
    options.consumerSecretFile === undefined
      ? undefined
      : readConsumerSecret(path.resolve(options.consumerSecretFile), options.consumerSecretFile);
  const reads = [
    ...valuesInputs(prepared.values),
    ...(options.privateKeyFile
      ? [{ file: path.resolve(options.privateKeyFile), what: 'the private key (--private-key)' }]
      : []),
    ...(options.consumerSecretFile
      ? [{ file: path.resolve(options.consumerSecretFile), what: 'the consumer secret (--consumer-secret-file)' }]
      : []),
  ];
  for (const output of options.outputs ?? []) checkOutputPath(output, { projectDir: options.projectDir, reads });
  const run = await runOrgs(
    {
      targetOrgs: options.targetOrgs,
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      warnings: prepared.warnings,
      doing: 'verifying',
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
    async (org, { warn }): Promise<OrgVerification> => {
      const started = Date.now();
      const plan = await planOrg(options.projectDir, prepared, org);
      for (const p of plan.problems) if (p.severity === 'warning') warn(p);
      const findings = findingsOf(plan, options.certWarnDays ?? 30);
      const logins: OrgVerification['logins'] = [];
      if (consumerSecret !== undefined) await clientCredentialsLogins(plan, options, consumerSecret, findings, logins);
      if (privateKeyPem) {
        for (const app of plan.apps.filter((a) => a.flow === 'jwtBearer')) {
          const vendor = prepared.vendors.find((v) => v.name === app.vendor);
          const username = vendor ? valueByRole(vendor, prepared.values, 'integrationUsername') : '';
          const consumerKey = options.consumerKey ?? app.consumerKey;
          if (!consumerKey) {
            findings.push(forCheck(`JWT login ${app.app}`, finding.fail('JwtLoginWithoutConsumerKey', [app.app])));
            continue;
          }
          // eslint-disable-next-line no-await-in-loop -- one JWT login after another, in the order of the apps
          const result = await jwtLogin({
            tokenUrl: options.loginUrl ?? plan.instanceUrl,
            audience: options.audience ?? 'https://login.salesforce.com',
            consumerKey,
            username,
            privateKeyPem,
          });
          logins.push({ vendor: app.vendor, username, result });
          const hardened = plan.hardening.some((h) => h.vendor === app.vendor && h.on);
          // One comparison for the refusal: jwtLogin's refusal code, which reads the description case-insensitively.
          if (!result.ok && hardened && result.refusal === 'JwtIpRestricted') {
            // From outside the vendor's ranges the refusal is what hardened mode is for.
            findings.push(forCheck(`JWT login ${app.app}`, finding.pass('JwtLoginRefusedByIpRestriction', [username])));
            continue;
          }
          findings.push(
            forCheck(
              `JWT login ${app.app}`,
              result.ok
                ? finding.pass('JwtLoginSucceeded', [username])
                : finding.fail(
                    'JwtLoginFailed',
                    [username, result.diagnosis],
                    [result.fix],
                    `${result.error}: ${result.description}`
                  )
            )
          );
        }
      }
      return {
        targetOrg: plan.targetOrg,
        ok: findings.every((f) => f.ok),
        findings,
        logins,
        certificates: plan.apps.map((a) => ({
          vendor: a.vendor,
          app: a.app,
          ...(a.certificate ? { daysLeft: a.certificate.daysLeft } : {}),
        })),
        vendorUsers: plan.users.map((u) => ({
          vendor: u.vendor,
          username: u.username,
          exists: u.action === 'none',
          ...(u.lastLogin ? { lastLogin: u.lastLogin } : {}),
        })),
        seconds: (Date.now() - started) / 1000,
      };
    }
  );
  const orgs = run.orgs.map((o) => ('error' in o ? { ...o, ok: false as const } : o));
  return {
    exitCode: exitCodeOfRun(run.orgs, (o) => (o.ok ? 'ok' : 'failed')),
    orgs,
    warnings: run.warnings,
  };
};
