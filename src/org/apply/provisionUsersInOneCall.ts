import type { Connection } from '@salesforce/core';
import type { Vendor } from '../../catalogue';
import type { UserPlan } from '../plan/preflight';
import { soqlString } from '../read/soql';
import type { UserReport } from './provisionUsers';
import { newUserReport, userRecord } from './userRecord';

type Subrequest = { method: 'GET' | 'POST'; url: string; referenceId: string; body?: Record<string, unknown> };
type SubAnswer = { body: unknown; httpStatusCode: number; referenceId: string };

// REST API Developer Guide, "Composite": at most 25 subrequests, at most 5 of them queries.
const MAX_SUBREQUESTS = 25;
const MAX_QUERIES = 5;

type Pending = { report: UserReport; kind: 'psl' | 'set'; name: string; referenceId: string };

/**
 * The subrequests for every user and assignment not yet in the org, the reports they fill, and the
 * permission sets looked up by name in the call. Undefined when a plan's vendor has no user.
 */
const buildSubrequests = (
  base: string,
  vendors: Vendor[],
  plans: UserPlan[],
  knownSetIds: Map<string, string>
):
  | { subrequests: Subrequest[]; setRefs: Map<string, string>; reports: UserReport[]; pending: Pending[] }
  | undefined => {
  const subrequests: Subrequest[] = [];
  const setRefs = new Map<string, string>();
  const reports: UserReport[] = [];
  const pending: Pending[] = [];
  for (const [k, plan] of plans.entries()) {
    const vendor = vendors.find((v) => v.name === plan.vendor);
    // Preflight plans users only for vendors with an integration user.
    const u = vendor?.user;
    if (!vendor || !u) return undefined;
    const report = newUserReport(vendor, plan);
    reports.push(report);
    const assignee = plan.existing ? plan.existing.id : `@{user${k}.id}`;
    if (!plan.existing) {
      subrequests.push({
        method: 'POST',
        url: `${base}/sobjects/User`,
        referenceId: `user${k}`,
        body: userRecord(u, plan),
      });
    }
    for (const [j, psl] of plan.permissionSetLicenses.entries()) {
      if (plan.heldPslIds.has(psl.id)) {
        report.alreadyAssigned.push(psl.developerName);
        continue;
      }
      const referenceId = `psl${k}x${j}`;
      subrequests.push({
        method: 'POST',
        url: `${base}/sobjects/PermissionSetLicenseAssign`,
        referenceId,
        body: { AssigneeId: assignee, PermissionSetLicenseId: psl.id },
      });
      pending.push({ report, kind: 'psl', name: psl.developerName, referenceId });
    }
    for (const [j, name] of plan.permissionSets.entries()) {
      const known = knownSetIds.get(name);
      if (known && plan.heldPermissionSetIds.has(known)) {
        report.alreadyAssigned.push(name);
        continue;
      }
      let setId = known;
      if (!setId) {
        if (!setRefs.has(name)) {
          const ref = `set${setRefs.size}`;
          setRefs.set(name, ref);
          subrequests.push({
            method: 'GET',
            url: `${base}/query?q=${encodeURIComponent(
              `SELECT Id FROM PermissionSet WHERE Name = ${soqlString(name)}`
            )}`,
            referenceId: ref,
          });
        }
        setId = `@{${setRefs.get(name) as string}.records[0].Id}`;
      }
      const referenceId = `ps${k}x${j}`;
      subrequests.push({
        method: 'POST',
        url: `${base}/sobjects/PermissionSetAssignment`,
        referenceId,
        body: { AssigneeId: assignee, PermissionSetId: setId },
      });
      pending.push({ report, kind: 'set', name, referenceId });
    }
  }
  return { subrequests, setRefs, reports, pending };
};

/**
 * Every user, permission set licence assignment and permission set assignment of one deploy in a
 * single composite call with allOrNone: the users are created, then assigned through references
 * (`@{user0.id}`), licences before sets as Salesforce requires. Sets this deploy created are found
 * by name in the same call (`@{set0.records[0].Id}`; a missing one breaks the reference and so the
 * whole call). What the users already hold (read in preflight) is not sent. Returns undefined when
 * the call cannot carry it all (limits) or anything in it failed: allOrNone has then rolled every
 * change back, and the caller takes the one-request-at-a-time path, which names the failure.
 * Unsettled: mixed DML. The Apex Developer Guide lists User, PermissionSetAssignment and
 * SetupEntityAccess among the setup objects whose DML is not to be mixed with other objects' in one
 * transaction; every object here is a setup object, and public test plans create a User and its
 * assignment in one composite graph, but no Salesforce document says a composite call of only
 * setup objects is one allowed transaction. So the one-request-at-a-time fallback stays: if the org
 * refuses the call for any reason, nothing of it is kept and the caller goes one by one.
 */
export const provisionUsersInOneCall = async (
  connection: Connection,
  vendors: Vendor[],
  plans: UserPlan[],
  knownSetIds: Map<string, string>
): Promise<UserReport[] | undefined> => {
  const base = `/services/data/v${connection.getApiVersion()}`;
  const built = buildSubrequests(base, vendors, plans, knownSetIds);
  if (!built) return undefined;
  const { subrequests, setRefs, reports, pending } = built;
  if (!subrequests.length) return reports;
  if (subrequests.length > MAX_SUBREQUESTS || setRefs.size > MAX_QUERIES) return undefined;
  let answers: SubAnswer[];
  try {
    const response = await connection.request<{ compositeResponse: SubAnswer[] }>({
      method: 'POST',
      url: `${base}/composite`,
      // collateSubrequests false: the licence assignments must run before the permission set
      // assignments that need them, and nothing but their order links them. Collated (the default
      // from API 49.0) "the order of execution is not guaranteed (unless there is an explicit
      // dependency between the subrequests)"; not collated they run "in the order in which they are
      // received" (REST API Developer Guide, Composite, collateSubrequests).
      body: JSON.stringify({ allOrNone: true, collateSubrequests: false, compositeRequest: subrequests }),
      headers: { 'content-type': 'application/json' },
    });
    answers = response.compositeResponse;
  } catch {
    return undefined;
  }
  const byRef = new Map(answers.map((a) => [a.referenceId, a]));
  if (subrequests.some((s) => (byRef.get(s.referenceId)?.httpStatusCode ?? 500) >= 400)) return undefined;
  for (const [k, plan] of plans.entries()) {
    const report = reports[k] as UserReport;
    if (plan.existing) continue;
    report.userId = String((byRef.get(`user${k}`)?.body as { id?: string } | undefined)?.id ?? '');
    report.created = true;
    const vendor = vendors.find((v) => v.name === plan.vendor) as Vendor;
    // Only where the vendor's guide has the new user finish its setup from the verification email.
    if (vendor.newUserVerifiesEmail)
      report.nextSteps.push(
        `Salesforce emailed ${plan.email} to verify the new user ${plan.username}: open that email and follow it to finish the user (${vendor.title} guide).`
      );
  }
  for (const item of pending)
    (item.kind === 'psl' ? item.report.permissionSetLicensesAssigned : item.report.permissionSetsAssigned).push(
      item.name
    );
  return reports;
};
