import type { Connection } from '@salesforce/core';
import { deployAppEnabled, type AppPolicy } from './appPolicy';
import type { VendorFootprint } from './footprint';
import type { Reversal } from './lifecycleRecord';
import { attempt, LifecycleStep, step } from './lifecycleStep';
import { deployStepOutcome, deleteRecord, revokeOauthToken, updateRecord } from './orgCalls';
import { readVendorState, type TokenFact, type VendorUserState } from './readVendorState';
import { TOKENS_HIDDEN } from './tokenVisibility';

/** The most OauthToken rows one query returns, queryMore included. */
export const MAX_TOKEN_ROWS = 2500;

export type RunOptions = {
  dryRun: boolean;
  signal?: AbortSignal;
  pollIntervalMs?: number;
  /** False: the connected user cannot see other users' OAuth tokens. */ tokensVisible?: boolean;
};

/** Freezes the integration user first (no new logins); what is already so is reported as such. */
const freezeUser = async (
  connection: Connection,
  footprint: VendorFootprint,
  user: VendorUserState | undefined,
  options: RunOptions
): Promise<{ steps: LifecycleStep[]; froze?: NonNullable<Reversal['froze']> }> => {
  const { vendor, username } = footprint;
  // A vendor without an integration user has nobody to freeze. One with a user the org does not hold
  // is a failure: a kill switch that found nothing to cut must never read as done (DESIGN.md).
  if (!user)
    return {
      steps: footprint.hasUser
        ? [
            {
              ...step(vendor, 'freezeUser', username, 'failed'),
              error: footprint.userMissing ?? 'no such user in this org',
            },
          ]
        : [],
    };
  if (user.isFrozen) return { steps: [step(vendor, 'freezeUser', username, 'already', 'already frozen')] };
  const freeze = step(vendor, 'freezeUser', username, 'planned', 'UserLogin.IsFrozen = true');
  if (options.dryRun) return { steps: [freeze] };
  const done = await attempt(
    freeze,
    () => updateRecord(connection, 'UserLogin', { Id: user.userLoginId, IsFrozen: true }),
    options.signal
  );
  return {
    steps: [done],
    ...(done.outcome === 'done' || done.outcome === 'unknown'
      ? { froze: { userLoginId: user.userLoginId, username } }
      : {}),
  };
};

/**
 * Disables the vendor's External Client App: a step at once when there is nothing to send (or a dry
 * run), otherwise the deploy, to run alongside the revocations.
 */
const disableApp = (
  connection: Connection,
  footprint: VendorFootprint,
  app: AppPolicy | undefined,
  options: RunOptions
): {
  step?: LifecycleStep;
  pending?: Promise<{ step: LifecycleStep; disabled?: NonNullable<Reversal['disabled']> }>;
} => {
  const { vendor } = footprint;
  if (footprint.app && !app)
    return { step: step(vendor, 'disableApp', footprint.app, 'already', 'the org has no such External Client App') };
  if (!app) return {};
  if (!app.enabled)
    return { step: step(vendor, 'disableApp', app.app, 'already', `already disabled (${app.policy}.isEnabled false)`) };
  const disable = step(vendor, 'disableApp', app.app, 'planned', `${app.policy}.isEnabled = false`);
  if (options.dryRun) return { step: disable };
  const pending = async (): Promise<{ step: LifecycleStep; disabled?: NonNullable<Reversal['disabled']> }> => {
    if (options.signal?.aborted)
      return { step: { ...disable, outcome: 'skipped', error: 'interrupted before this step' } };
    try {
      const result = deployStepOutcome(await deployAppEnabled(connection, app, false, options));
      return {
        step: { ...disable, ...result },
        ...(result.outcome === 'failed' ? {} : { disabled: { app: app.app, policy: app.policy } }),
      };
    } catch (err) {
      return { step: { ...disable, outcome: 'failed', error: (err as Error).message } };
    }
  };
  return { pending: pending() };
};

/**
 * A token as a person tells it apart: its dates and use (OauthToken.Id is always null, Object
 * Reference; the app name is the step's target).
 */
const tokenLabel = (token: TokenFact): string =>
  `created ${token.created || 'unknown'}, last used ${token.lastUsed || 'never'}, used ${token.useCount} time(s)`;

/** What is said of the tokens when there are none to revoke, none visible, or maybe more than the org returned. */
const tokenNotes = (footprint: VendorFootprint, user: VendorUserState, options: RunOptions): LifecycleStep[] => {
  const { vendor, username } = footprint;
  const steps: LifecycleStep[] = [];
  if (options.tokensVisible === false)
    steps.push({ ...step(vendor, 'revokeToken', username, 'skipped'), error: TOKENS_HIDDEN });
  else if (!user.tokens.length) steps.push(step(vendor, 'revokeToken', username, 'already', 'no OAuth tokens'));
  // A query returns at most 2,500 OauthToken rows even through queryMore (reference org-behaviour.md): a full page may hide more.
  if (user.tokens.length >= MAX_TOKEN_ROWS)
    steps.push({
      ...step(vendor, 'revokeToken', username, 'skipped'),
      error: `the org returned ${user.tokens.length} tokens, its most per query: more may remain; run suspend again to revoke them`,
    });
  return steps;
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

  const frozen = await freezeUser(connection, footprint, user, options);
  steps.push(...frozen.steps);
  if (frozen.froze) reversal.froze = frozen.froze;

  // Steps in the order a person reads them (freeze, app, tokens, sessions), the same in a dry run
  // and a real one: the calls of a real run are started at once and run alongside each other, but
  // each keeps its place in the list.
  const ordered: Array<LifecycleStep | Promise<LifecycleStep>> = [];
  const disabling = disableApp(connection, footprint, state.app, options);
  if (disabling.step) ordered.push(disabling.step);
  if (disabling.pending)
    ordered.push(
      disabling.pending.then((d) => {
        if (d.disabled) reversal.disabled = d.disabled;
        return d.step;
      })
    );
  for (const token of user?.tokens ?? []) {
    const revoke = planned(step(vendor, 'revokeToken', token.app, 'planned', tokenLabel(token)));
    if (options.dryRun) ordered.push(revoke);
    else ordered.push(attempt(revoke, () => revokeOauthToken(connection, token.deleteToken), options.signal));
  }
  if (user) ordered.push(...tokenNotes(footprint, user, options));
  for (const session of user?.sessions ?? []) {
    const end = planned(step(vendor, 'endSession', session, 'planned', `AuthSession ${session}`));
    if (options.dryRun) ordered.push(end);
    else ordered.push(attempt(end, () => deleteRecord(connection, 'AuthSession', session), options.signal));
  }
  if (user && !user.sessions.length) ordered.push(step(vendor, 'endSession', username, 'already', 'no open sessions'));
  steps.push(...(await Promise.all(ordered)));
  return { steps, reversal };
};
