import type { Connection } from '@salesforce/core';
import type { DeployOutcome } from '../org/apply';
import { loadMessages } from '../messages';

const internal = loadMessages('internal');

type SaveResult = { success?: boolean; errors?: Array<{ message?: string; statusCode?: string }> };

const checkSaved = (result: unknown): void => {
  const saved = [result].flat()[0] as SaveResult | undefined;
  if (saved && saved.success === false)
    throw internal.createError('error.OrgRefusedChange', [
      (saved.errors ?? []).map((e) => `${e.statusCode ?? ''} ${e.message ?? ''}`.trim()).join('; ') ||
        'no reason given',
    ]);
};

/** Sets fields of one record (PATCH /sobjects/<object>/<id>). */
export const updateRecord = async (
  connection: Connection,
  object: string,
  record: { Id: string } & Record<string, unknown>
): Promise<void> => {
  checkSaved(await connection.sobject(object).update(record));
};

/** Deletes one record (DELETE /sobjects/<object>/<id>). */
export const deleteRecord = async (connection: Connection, object: string, id: string): Promise<void> => {
  checkSaved(await connection.sobject(object).destroy(id));
};

/**
 * Revokes one OAuth authorisation: OauthToken cannot be deleted, so its DeleteToken goes to the
 * revoke endpoint (Object Reference, OauthToken; Help "Revoke OAuth Tokens"), on the org's own domain.
 */
export const revokeOauthToken = async (connection: Connection, deleteToken: string): Promise<void> => {
  await connection.request({
    method: 'POST',
    url: '/services/oauth2/revoke',
    body: `token=${encodeURIComponent(deleteToken)}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
};

/** A metadata deploy's outcome as a step outcome: success only when the org said Succeeded. */
export const deployStepOutcome = (
  outcome: DeployOutcome
): { outcome: 'done' | 'failed' | 'unknown'; error?: string } => {
  if (outcome.kind === 'finished') {
    const response = outcome.result.response;
    if (String(response.status) === 'Succeeded') return { outcome: 'done' };
    const problems = outcome.result
      .getFileResponses()
      .flatMap((f) => ('error' in f && f.error ? [`${f.type}:${f.fullName}: ${f.error}`] : []));
    return {
      outcome: 'failed',
      // An empty list or message says nothing either: `||`, not `??`.
      error: `deploy ${outcome.id} ${String(response.status)}: ${
        problems.join('; ') || (response.errorMessage ?? '') || 'no detail'
      }`,
    };
  }
  if (outcome.kind === 'canceled')
    return { outcome: 'failed', error: `deploy ${outcome.id} was canceled; nothing of it was saved` };
  if (outcome.kind === 'timedOut')
    return { outcome: 'unknown', error: `deploy ${outcome.id} is still running (${outcome.lastStatus})` };
  return { outcome: 'unknown', error: `lost track of deploy ${outcome.id}: ${outcome.error}` };
};
