import { SfError } from '@salesforce/core/sfError';

/** What a run reports of an org that failed: the error's name, message and actions, as --json shows them. */
export type OrgError = { name: string; message: string; actions: string[] };

/** Any thrown value as an OrgError: named SfErrors keep their name and actions; others are wrapped. */
export const orgError = (err: unknown): OrgError => {
  const e = SfError.wrap(err instanceof Error ? err : String(err));
  return { name: e.name, message: e.message, actions: e.actions ?? [] };
};
