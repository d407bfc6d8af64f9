import type { Vendor } from '../../catalogue';
import { loadMessages } from '../../messages';
import { fieldByRole, valueByRole, type OrgValues } from '../../values';
import type { OrgConnection } from '../read/connectOrg';
import { sandboxNames } from '../read/readOrgFacts';
import { soqlIn } from '../read/soql';

const messages = loadMessages('org');

/** The names under which an org may already hold `username`: itself, or a sandbox's copy of it. */
const heldNames = async (org: OrgConnection, usernames: string[]): Promise<Set<string>> => {
  // Both reads at once (one round trip of latency): the copies' names are asked for in any org and
  // counted only in a sandbox.
  const names = sandboxNames(org.instanceUrl, org.username);
  const candidates = usernames.flatMap((u) => [u, ...names.map((s) => `${u}.${s}`)]);
  const [organization, rows] = await Promise.all([
    org.connection.query<{ IsSandbox: boolean }>('SELECT IsSandbox FROM Organization'),
    org.connection.query<{ Username: string }>(`SELECT Username FROM User WHERE Username IN ${soqlIn(candidates)}`),
  ]);
  const suffixes = organization.records[0]?.IsSandbox === true ? names : [];
  const found = new Set(rows.records.map((r) => r.Username.toLowerCase()));
  return new Set(
    usernames.filter((u) => found.has(u.toLowerCase()) || suffixes.some((s) => found.has(`${u}.${s}`.toLowerCase())))
  );
};

/**
 * Refuses, before anything is deployed, a multi-org run in which one integration username would
 * be created in two or more orgs: usernames are unique across all Salesforce orgs (sandboxes
 * included), so the second creation fails after that org's metadata has landed. An org that
 * already holds the user (or, in a sandbox, its `<username>.<sandbox>` copy) creates nothing and
 * does not count. Reads two rows per org; changes nothing.
 *
 * @throws UsernameInSeveralOrgsError
 */
export const refuseUsernameCollisions = async (
  orgs: OrgConnection[],
  vendors: Vendor[],
  values: OrgValues
): Promise<void> => {
  if (orgs.length < 2) return;
  const users = vendors
    .filter((v) => v.user && v.integrationUser !== undefined)
    .map((v) => ({ vendor: v, username: valueByRole(v, values, 'integrationUsername') }));
  if (!users.length) return;
  const held = await Promise.all(
    orgs.map((org) =>
      heldNames(
        org,
        users.map((u) => u.username)
      )
    )
  );
  for (const { vendor, username } of users) {
    const creating = orgs.filter((_, i) => !held[i]?.has(username));
    if (creating.length > 1) {
      throw messages.createError(
        'error.UsernameInSeveralOrgs',
        [username, creating.length, creating.map((o) => o.targetOrg).join(', ')],
        [values.file, fieldByRole(vendor, 'integrationUsername')]
      );
    }
  }
};
