import { SfError } from '@salesforce/core/sfError';
import { networkError, withoutUrlCredentials } from './networkError';

/** What a run reports of an org that failed: the error's name, message and actions, as --json shows them. */
export type OrgError = { name: string; message: string; actions: string[] };

/** Any thrown value as an OrgError: named SfErrors keep their name and actions; others are wrapped. */
export const orgError = (err: unknown): OrgError => {
  // A network failure is named with its host, never node's text (which may carry user:password@ from a URL).
  const e = networkError(err) ?? SfError.wrap(err instanceof Error ? err : String(err));
  return {
    name: e.name,
    message: withoutUrlCredentials(e.message),
    actions: (e.actions ?? []).map(withoutUrlCredentials),
  };
};
