import type { Connection } from '@salesforce/core';
import { soqlString } from '../org/read';
import { findAppPolicy } from './appPolicy';
import type { VendorFootprint } from './footprint';
import type { Reversal } from './lifecycleRecord';

type Row = Record<string, unknown>;
const first = async (connection: Connection, soql: string): Promise<Row | undefined> =>
  (await connection.query<Row>(soql)).records[0];

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * What in a suspend record does not belong to the vendor, checked in the org before resume changes
 * anything (a record is a file anyone with the folder can edit): the UserLogin it would unfreeze
 * must be that of the vendor's integration user (found as suspend finds it: the values' username,
 * its sandbox copy, or --username), and the app it would enable the vendor's own, under the policy
 * the org holds for it. Returns the mismatches in words; none means the record may be acted on.
 * A UserLogin or app the org no longer has is no mismatch: resume reports that step as failed.
 */
export const reversalMismatches = async (
  connection: Connection,
  footprint: VendorFootprint,
  reversal: Reversal
): Promise<string[]> => {
  const found: string[] = [];
  const { vendor } = footprint;
  if (reversal.froze) {
    const { userLoginId, username } = reversal.froze;
    const login = await first(connection, `SELECT Id, UserId FROM UserLogin WHERE Id = ${soqlString(userLoginId)}`);
    const owner = login
      ? String(
          (await first(connection, `SELECT Username FROM User WHERE Id = ${soqlString(String(login.UserId ?? ''))}`))
            ?.Username ?? ''
        )
      : undefined;
    if (!footprint.hasUser) found.push(`${vendor} has no integration user, yet the record would unfreeze ${username}`);
    else if (footprint.userMissing)
      found.push(
        `it would unfreeze ${username}, but ${vendor}'s integration user ${footprint.username} is not in this org`
      );
    else if (!same(username, footprint.username))
      found.push(`it would unfreeze ${username}, not ${vendor}'s integration user ${footprint.username}`);
    if (owner !== undefined && !same(owner, footprint.username))
      found.push(
        `froze.userLoginId ${userLoginId} is the UserLogin of ${
          owner || 'no user'
        }, not of ${vendor}'s integration user ${footprint.username}`
      );
  }
  if (reversal.disabled) {
    const { app, policy } = reversal.disabled;
    if (app !== footprint.app)
      found.push(`it would enable the app ${app}, not ${vendor}'s (${footprint.app ?? 'none'})`);
    else {
      const held = await findAppPolicy(connection, app);
      if (held && held.policy !== policy)
        found.push(`the org's policy of ${app} is ${held.policy}, not ${policy} as the record says`);
    }
  }
  return found;
};
