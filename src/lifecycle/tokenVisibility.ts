import type { Connection } from '@salesforce/core';
import { soqlIn } from '../org/read';

/**
 * Whether the connected user sees every user's OAuth tokens: only users with Customize Application
 * do; others see their own (Object Reference, OauthToken). Read from the user's permission set
 * assignments (which include its profile's). Undefined when the org does not let it read them.
 */
export const seesAllTokens = async (connection: Connection): Promise<boolean | undefined> => {
  try {
    const me = await connection.request<{ user_id?: string }>('/services/oauth2/userinfo');
    if (!me.user_id) return undefined;
    const sets = (
      await connection.query<{ PermissionSetId: string }>(
        `SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId IN ${soqlIn([me.user_id])}`,
        { autoFetch: true }
      )
    ).records;
    if (!sets.length) return false;
    const rows = (
      await connection.query<{ PermissionsCustomizeApplication?: boolean }>(
        `SELECT Id, PermissionsCustomizeApplication FROM PermissionSet WHERE Id IN ${soqlIn(
          sets.map((s) => s.PermissionSetId)
        )}`,
        { autoFetch: true }
      )
    ).records;
    return rows.some((r) => r.PermissionsCustomizeApplication === true);
  } catch {
    return undefined;
  }
};

export const TOKENS_HIDDEN =
  'the connected user lacks Customize Application, so Salesforce shows it only its own OAuth tokens: the vendor user’s could not be read. Run again as a user with Customize Application (or revoke them in Setup > Connected Apps OAuth Usage).';
