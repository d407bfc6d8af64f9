import type { Connection } from '@salesforce/core';
import { sandboxNames } from '../org/read';
import { loadMessages } from '../messages';
import type { Fact } from './probeShape';
import { unknownBecause } from './readFact';
import { queryRows } from './queryRows';

const internal = loadMessages('internal');

/**
 * Organization.OrganizationType (the edition) and Organization.IsSandbox. A sandbox's name is in no
 * Organization field; it is taken from the My Domain URL (`<domain>--<name>.sandbox.my.salesforce.com`,
 * reference org-behaviour.md), never from a username.
 */
export const readOrganization = async (
  connection: Connection
): Promise<{ edition: string; sandbox: Fact<false | { name: string }> }> => {
  const row = (await queryRows(connection, 'SELECT OrganizationType, IsSandbox FROM Organization'))[0];
  if (!row) throw internal.createError('error.OrganizationUnreadable');
  const name = row.IsSandbox === true ? sandboxNames(connection.instanceUrl, '')[0] : undefined;
  const sandbox =
    row.IsSandbox !== true
      ? false
      : name
      ? { name }
      : unknownBecause('Organization.IsSandbox is true, but the instance URL does not carry the sandbox name');
  return { edition: String(row.OrganizationType ?? ''), sandbox };
};
