import path from 'node:path';
import { SfError } from '@salesforce/core/sfError';
import { readPrivateKeyPem } from '../../certificate/readPrivateKeyPem';
import { EXIT_CODES, ExitCode } from '../../output/exitCodes';
import { valueByRole } from '../../values';
import { orgLabel } from '../read/connectOrg';
import { mapWithConcurrency } from '../mapWithConcurrency';
import { summariseChanges } from '../plan/formatPlan';
import { describeGap } from '../plan/orgFeatures';
import { hardeningFindings } from '../hardening';
import { OrgPlan, planOrg } from '../plan/planOrg';
import { prepareVendors } from '../read/prepareVendors';
import { jwtLogin, JwtLoginResult } from './jwtLogin';

export type VerifyOptions = {
  projectDir: string;
  targetOrgs: string[];
  vendors: string[];
  valuesFile: string;
  concurrency?: number;
  /** With a private key, log in as each integration user through the JWT bearer flow. */
  privateKeyFile?: string;
  consumerKey?: string;
  /** Token endpoint host (default: the org's instance URL) and JWT audience (default login.salesforce.com). */
  loginUrl?: string;
  audience?: string;
  certWarnDays?: number;
};

export type Finding = { ok: boolean; warning?: boolean; what: string; detail?: string; fix?: string };
export type OrgVerification = {
  targetOrg: string;
  ok: boolean;
  findings: Finding[];
  logins: Array<{ vendor: string; username: string; result: JwtLoginResult }>;
};
export type VerifyResult = {
  exitCode: ExitCode;
  orgs: Array<
    OrgVerification | { targetOrg: string; ok: false; error: { name: string; message: string; actions: string[] } }
  >;
};

const findingsOf = (plan: OrgPlan, certWarnDays: number): Finding[] => {
  const findings: Finding[] = plan.problems.map((p) => ({
    ok: p.severity !== 'error',
    ...(p.severity === 'warning' ? { warning: true } : {}),
    what: `${p.file} ${p.field}: ${p.message}`,
    fix: p.fix,
  }));
  for (const c of plan.components) {
    if (c.action === 'none') findings.push({ ok: true, what: `${c.component} as intended` });
    else
      findings.push({
        ok: false,
        what: `${c.component} ${c.action === 'create' ? 'is missing' : 'differs'}`,
        detail: summariseChanges(c.changes).join('; '),
        fix: 'Run vendor-access deploy; then verify again.',
      });
  }
  if (plan.trustedRanges) {
    for (const r of plan.trustedRanges.add)
      findings.push({
        ok: false,
        what: `trusted range ${r.start}-${r.end} (${r.description ?? ''}) is missing`,
        fix: 'Run vendor-access deploy; it merges the range with the existing ones.',
      });
    if (!plan.trustedRanges.add.length) findings.push({ ok: true, what: 'every vendor trusted IP range is present' });
  }
  for (const u of plan.users) {
    if (u.action === 'create')
      findings.push({
        ok: false,
        what: `integration user ${u.username} does not exist`,
        fix: 'Run vendor-access deploy; it creates the user.',
      });
    else if (u.assign.length)
      findings.push({
        ok: false,
        what: `${u.username} lacks ${u.assign.join(', ')}`,
        fix: 'Run vendor-access deploy; it assigns them.',
      });
    else findings.push({ ok: true, what: `${u.username} exists with its permission sets` });
  }
  findings.push(...hardeningFindings(plan.hardening, plan.appEnforcesIp));
  for (const app of plan.apps) {
    if (!app.certificate)
      findings.push({
        ok: false,
        what: `${app.app}: the org holds no readable JWT certificate`,
        fix: 'Deploy the ECA global OAuth settings with the vendor certificate.',
      });
    else if (app.certificate.daysLeft < 0)
      findings.push({
        ok: false,
        what: `${app.app}: the certificate the org holds expired on ${app.certificate.notAfter.slice(0, 10)}`,
        fix: 'Get a new certificate from the vendor and deploy it; logins fail until then.',
      });
    else
      findings.push({
        ok: true,
        what: `${app.app}: certificate ${app.certificate.sha256Fingerprint.slice(0, 23)}… valid for ${
          app.certificate.daysLeft
        } more day(s)${app.certificate.daysLeft < certWarnDays ? ': renew soon' : ''}`,
      });
  }
  // Left out on purpose (the org lacks an optional feature): a warning, not drift.
  for (const g of plan.featureGaps) findings.push({ ok: true, warning: true, what: describeGap(g) });
  return findings;
};

/** Reads back every intended setting in each org and says, finding by finding, whether it holds. */
export const verifyOrgs = async (options: VerifyOptions): Promise<VerifyResult> => {
  const prepared = await prepareVendors(options.projectDir, options.vendors, options.valuesFile);
  // Read and parsed before any org is contacted: a bad key is one named error, not a skipped login.
  const privateKeyPem =
    options.privateKeyFile === undefined
      ? undefined
      : readPrivateKeyPem(path.resolve(options.privateKeyFile), options.privateKeyFile);
  const orgs = await mapWithConcurrency(
    options.targetOrgs,
    options.concurrency ?? 2,
    async (targetOrg): Promise<VerifyResult['orgs'][number]> => {
      try {
        const plan = await planOrg(options.projectDir, prepared, targetOrg);
        const findings = findingsOf(plan, options.certWarnDays ?? 30);
        const logins: OrgVerification['logins'] = [];
        if (privateKeyPem) {
          for (const app of plan.apps) {
            const vendor = prepared.vendors.find((v) => v.name === app.vendor);
            const username = vendor ? valueByRole(vendor, prepared.values, 'integrationUsername') : '';
            const consumerKey = options.consumerKey ?? app.consumerKey;
            if (!consumerKey) {
              findings.push({
                ok: false,
                what: `${app.app}: no consumer key to log in with`,
                fix: 'Pass --consumer-key (Setup > External Client App Manager > the app > Settings > OAuth Settings).',
              });
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
            if (!result.ok && hardened && result.description === 'ip restricted') {
              // From outside the vendor's ranges the refusal is what hardened mode is for.
              findings.push({
                ok: true,
                what: `JWT bearer login as ${username} refused from this machine's address (ip restricted): hardened mode keeps the credentials to the vendor's ranges`,
              });
              continue;
            }
            findings.push(
              result.ok
                ? { ok: true, what: `JWT bearer login as ${username} succeeded` }
                : {
                    ok: false,
                    what: `JWT bearer login as ${username} failed: ${result.diagnosis}`,
                    detail: `${result.error}: ${result.description}`,
                    fix: result.fix,
                  }
            );
          }
        }
        return { targetOrg: plan.targetOrg, ok: findings.every((f) => f.ok), findings, logins };
      } catch (err) {
        const e = SfError.wrap(err instanceof Error ? err : String(err));
        return {
          targetOrg: orgLabel(targetOrg),
          ok: false,
          error: { name: e.name, message: e.message, actions: e.actions ?? [] },
        };
      }
    }
  );
  return { exitCode: orgs.every((o) => o.ok) ? EXIT_CODES.ok : EXIT_CODES.failed, orgs };
};
