import type { Connection } from '@salesforce/core';
import { deployAppEnabled } from './appPolicy';
import type { VendorFootprint } from './footprint';
import type { Reversal } from './lifecycleRecord';
import { attempt, LifecycleStep, step } from './lifecycleStep';
import { deployStepOutcome, deleteRecord, revokeOauthToken, updateRecord } from './orgCalls';
import { readVendorState } from './readVendorState';
import { TOKENS_HIDDEN } from './tokenVisibility';

/** The most OauthToken rows one query returns, queryMore included. */
export const MAX_TOKEN_ROWS = 2500;

export type RunOptions = {
  dryRun: boolean;
  signal?: AbortSignal;
  pollIntervalMs?: number;
  /** False: the connected user cannot see other users' OAuth tokens. */ tokensVisible?: boolean;
};

/**
 * The kill switch for one vendor in one org: freeze its integration user first (no new logins),
 * then, at once, disable its External Client App, revoke every OAuth token it holds and end its
 * sessions. Nothing else is touched. Idempotent: what is already so is reported as such and not
 * sent again. Each step ends on its own; one failing never hides the others.
 */
export const suspendVendor = async (
  connection: Connection,
  footprint: VendorFootprint,
  previous: Reversal | undefined,
  options: RunOptions
): Promise<{ steps: LifecycleStep[]; reversal: Reversal }> => {
  const { vendor, username } = footprint;
  const state = await readVendorState(connection, footprint);
  const reversal: Reversal = {
    vendor,
    ...(previous?.froze ? { froze: previous.froze } : {}),
    ...(previous?.disabled ? { disabled: previous.disabled } : {}),
  };
  const steps: LifecycleStep[] = [];
  const planned = (s: LifecycleStep): LifecycleStep => (options.dryRun ? { ...s, outcome: 'planned' } : s);
  const user = state.user;

  // A vendor without an integration user has nobody to freeze.
  if (!user) {
    if (footprint.hasUser) steps.push(step(vendor, 'freezeUser', username, 'already', 'no such user in this org'));
  } else if (user.isFrozen) steps.push(step(vendor, 'freezeUser', username, 'already', 'already frozen'));
  else {
    const freeze = planned(step(vendor, 'freezeUser', username, 'planned', 'UserLogin.IsFrozen = true'));
    const done = options.dryRun
      ? freeze
      : await attempt(
          freeze,
          () => updateRecord(connection, 'UserLogin', { Id: user.userLoginId, IsFrozen: true }),
          options.signal
        );
    if (done.outcome === 'done' || done.outcome === 'unknown')
      reversal.froze = { userLoginId: user.userLoginId, username };
    steps.push(done);
  }

  const parallel: Array<Promise<LifecycleStep>> = [];
  const app = state.app;
  if (footprint.app && !app)
    steps.push(step(vendor, 'disableApp', footprint.app, 'already', 'the org has no such External Client App'));
  else if (app && !app.enabled)
    steps.push(step(vendor, 'disableApp', app.app, 'already', `already disabled (${app.policy}.isEnabled false)`));
  else if (app) {
    const disable = step(vendor, 'disableApp', app.app, 'planned', `${app.policy}.isEnabled = false`);
    if (options.dryRun) steps.push(disable);
    else
      parallel.push(
        (async (): Promise<LifecycleStep> => {
          if (options.signal?.aborted) return { ...disable, outcome: 'skipped', error: 'interrupted before this step' };
          try {
            const result = deployStepOutcome(await deployAppEnabled(connection, app, false, options));
            if (result.outcome !== 'failed') reversal.disabled = { app: app.app, policy: app.policy };
            return { ...disable, ...result };
          } catch (err) {
            return { ...disable, outcome: 'failed', error: (err as Error).message };
          }
        })()
      );
  }
  for (const token of user?.tokens ?? []) {
    const revoke = planned(
      step(vendor, 'revokeToken', token.app, 'planned', `token ${token.id}, last used ${token.lastUsed || 'never'}`)
    );
    if (options.dryRun) steps.push(revoke);
    else parallel.push(attempt(revoke, () => revokeOauthToken(connection, token.deleteToken), options.signal));
  }
  if (user && options.tokensVisible === false)
    steps.push({ ...step(vendor, 'revokeToken', username, 'skipped'), error: TOKENS_HIDDEN });
  else if (user && !user.tokens.length) steps.push(step(vendor, 'revokeToken', username, 'already', 'no OAuth tokens'));
  // A query returns at most 2,500 OauthToken rows even through queryMore (reference org-behaviour.md): a full page may hide more.
  if (user && user.tokens.length >= MAX_TOKEN_ROWS)
    steps.push({
      ...step(vendor, 'revokeToken', username, 'skipped'),
      error: `the org returned ${user.tokens.length} tokens, its most per query: more may remain; run suspend again to revoke them`,
    });
  for (const session of user?.sessions ?? []) {
    const end = planned(step(vendor, 'endSession', session, 'planned', `AuthSession ${session}`));
    if (options.dryRun) steps.push(end);
    else parallel.push(attempt(end, () => deleteRecord(connection, 'AuthSession', session), options.signal));
  }
  if (user && !user.sessions.length) steps.push(step(vendor, 'endSession', username, 'already', 'no open sessions'));
  steps.push(...(await Promise.all(parallel)));
  return { steps, reversal };
};
