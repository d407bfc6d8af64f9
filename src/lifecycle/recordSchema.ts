import type { LifecycleStep, OrgOutcome, StepKind, StepOutcome } from './lifecycleStep';
import type { LifecycleCommand, LifecycleRecord, Reversal } from './lifecycleRecord';

/**
 * The shape of a record under out/lifecycle/, checked by hand field by field (the house way for a
 * small schema, like the values file): a record is an input to resume, and anyone with the folder
 * can edit it. Returns the record, or what is wrong with it first, in words.
 */
const COMMANDS: readonly LifecycleCommand[] = ['suspend', 'resume', 'offboard'];
const OUTCOMES: readonly OrgOutcome[] = ['succeeded', 'planned', 'partial', 'failed'];
const STEP_OUTCOMES: readonly StepOutcome[] = ['planned', 'done', 'already', 'failed', 'unknown', 'skipped', 'kept'];
const STEP_KINDS: readonly StepKind[] = [
  'freezeUser',
  'unfreezeUser',
  'revokeToken',
  'endSession',
  'disableApp',
  'enableApp',
  'removeAssignment',
  'removeLicenceAssignment',
  'deactivateUser',
  'moveUserProfile',
  'deleteMetadata',
  'removeTrustedRanges',
  'keepSetting',
  'restoreSetting',
];
// Salesforce record ids: 15 or 18 letters and digits; an org id starts 00D.
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const ORG_ID = /^00D[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 1000;
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T);

class Bad extends Error {}
const need = (ok: boolean, what: string): void => {
  if (!ok) throw new Bad(what);
};

const checkStep = (s: unknown, i: number): LifecycleStep => {
  need(isObj(s), `steps[${i}] is not an object`);
  const o = s as Obj;
  need(isText(o.vendor), `steps[${i}].vendor is not a name`);
  need(oneOf(STEP_KINDS, o.kind), `steps[${i}].kind is not a known step`);
  need(typeof o.target === 'string', `steps[${i}].target is not text`);
  need(oneOf(STEP_OUTCOMES, o.outcome), `steps[${i}].outcome is not a known outcome`);
  return o as LifecycleStep;
};

const checkReversal = (r: unknown, i: number): Reversal => {
  need(isObj(r), `reversals[${i}] is not an object`);
  const o = r as Obj;
  need(isText(o.vendor), `reversals[${i}].vendor is not a name`);
  if (o.froze !== undefined) {
    const f = o.froze;
    need(
      isObj(f) && typeof f.userLoginId === 'string' && RECORD_ID.test(f.userLoginId) && isText(f.username),
      `reversals[${i}].froze needs a userLoginId (a 15- or 18-character Salesforce id) and a username`
    );
  }
  if (o.disabled !== undefined) {
    const d = o.disabled;
    need(isObj(d) && isText(d.app) && isText(d.policy), `reversals[${i}].disabled needs the app and its policy's name`);
  }
  return o as Reversal;
};

/** A parsed JSON value as a LifecycleRecord of `orgId`, or the first thing wrong with it. */
export const checkRecord = (
  data: unknown,
  orgId: string
): { ok: true; record: LifecycleRecord } | { ok: false; reason: string } => {
  try {
    need(isObj(data), 'it is not a JSON object');
    const o = data as Obj;
    need(oneOf(COMMANDS, o.command), 'command is not suspend, resume or offboard');
    need(typeof o.at === 'string' && !Number.isNaN(Date.parse(o.at)), 'at is not a date and time');
    need(typeof o.orgId === 'string' && ORG_ID.test(o.orgId), 'orgId is not an org id');
    need(o.orgId === orgId, `orgId is ${String(o.orgId)}, not this org's ${orgId}`);
    need(typeof o.targetOrg === 'string', 'targetOrg is not text');
    need(Array.isArray(o.vendors) && o.vendors.every(isText), 'vendors is not a list of names');
    need(typeof o.dryRun === 'boolean', 'dryRun is not true or false');
    need(oneOf(OUTCOMES, o.outcome), 'outcome is not a known outcome');
    need(Array.isArray(o.steps), 'steps is not a list');
    (o.steps as unknown[]).forEach(checkStep);
    if (o.reversals !== undefined) {
      need(Array.isArray(o.reversals), 'reversals is not a list');
      (o.reversals as unknown[]).forEach(checkReversal);
    }
    return { ok: true, record: o as LifecycleRecord };
  } catch (err) {
    if (err instanceof Bad) return { ok: false, reason: err.message };
    throw err;
  }
};
