import type { VendorReview } from './vendorReview';

/** One reviewable change, written the way a reviewer reads it in a PR comment. */
export type ReviewChange = { vendor: string; sign: '+' | '-' | '~'; text: string; tier?: number };

const tierNote = (tier: number | undefined, impliedBy: string | undefined): string => {
  const parts = [
    tier === undefined ? undefined : `tier ${tier}`,
    impliedBy ? `implied by ${impliedBy}` : undefined,
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
};

type Add = (sign: ReviewChange['sign'], text: string, tier?: number) => void;
type Side = VendorReview | undefined;

type SetReview = VendorReview['permissionSets'][number];

const diffPermissionSet = (set: string, b: SetReview | undefined, a: SetReview | undefined, add: Add): void => {
  const labelOf = (apiName: string): string =>
    a?.permissions.find((p) => p.apiName === apiName)?.label ??
    b?.permissions.find((p) => p.apiName === apiName)?.label ??
    apiName;
  for (const p of a?.permissions ?? []) {
    if (!b?.permissions.some((x) => x.apiName === p.apiName))
      add(
        '+',
        `${p.label} (${p.apiName}) on ${set}${tierNote(p.tier, p.impliedBy ? labelOf(p.impliedBy) : undefined)}`,
        p.tier
      );
  }
  for (const p of b?.permissions ?? []) {
    if (!a?.permissions.some((x) => x.apiName === p.apiName))
      add('-', `${p.label} (${p.apiName}) on ${set}${tierNote(p.tier, undefined)}`, p.tier);
  }
  for (const o of a?.objects ?? []) {
    const old = b?.objects.find((x) => x.object === o.object);
    if (!old) add('+', `${o.access.join(', ')} on ${o.object} (${set})`, o.tier);
    else if (old.access.join() !== o.access.join())
      add('~', `${o.object} on ${set}: ${old.access.join(', ')} → ${o.access.join(', ')}`, o.tier);
  }
  for (const o of b?.objects ?? [])
    if (!a?.objects.some((x) => x.object === o.object))
      add('-', `${o.access.join(', ')} on ${o.object} (${set})`, o.tier);
  if (b && a && b.license !== a.license) add('~', `licence of ${set}: ${b.license ?? 'None'} → ${a.license ?? 'None'}`);
};

const diffPermissionSets = (before: Side, after: Side, add: Add): void => {
  const sets = new Set([...(before?.permissionSets ?? []), ...(after?.permissionSets ?? [])].map((s) => s.name));
  for (const set of sets) {
    diffPermissionSet(
      set,
      before?.permissionSets.find((s) => s.name === set),
      after?.permissionSets.find((s) => s.name === set),
      add
    );
  }
};

const diffExternalClientApp = (before: Side, after: Side, add: Add): void => {
  const ba = before?.externalClientApp;
  const aa = after?.externalClientApp;
  if (ba?.scopes !== aa?.scopes && (ba ?? aa))
    add('~', `OAuth scopes of ${aa?.name ?? ba?.name ?? ''}: ${ba?.scopes ?? '(none)'} → ${aa?.scopes ?? '(none)'}`);
  for (const key of new Set([...Object.keys(ba?.policies ?? {}), ...Object.keys(aa?.policies ?? {})])) {
    if (ba?.policies[key] !== aa?.policies[key])
      add(
        '~',
        `${aa?.name ?? ba?.name ?? ''} policy ${key}: ${ba?.policies[key] ?? '(none)'} → ${
          aa?.policies[key] ?? '(none)'
        }`
      );
  }
};

const diffTrustedRanges = (before: Side, after: Side, add: Add): void => {
  const key = (r: { start: string; end: string }): string => `${r.start}-${r.end}`;
  for (const r of after?.trustedRanges ?? [])
    if (!before?.trustedRanges.some((x) => key(x) === key(r)))
      add('+', `trusted range ${key(r)} "${r.description ?? ''}" (${r.owner}, ${r.size} addresses)`);
  for (const r of before?.trustedRanges ?? [])
    if (!after?.trustedRanges.some((x) => key(x) === key(r)))
      add('-', `trusted range ${key(r)} "${r.description ?? ''}" (${r.owner})`);
};

const diffUserAndCredentials = (before: Side, after: Side, add: Add): void => {
  const bu = before?.integrationUser;
  const au = after?.integrationUser;
  if (bu && au && (bu.userLicense !== au.userLicense || bu.profile !== au.profile))
    add('~', `integration user: ${bu.userLicense} / ${bu.profile} → ${au.userLicense} / ${au.profile}`);
  const bc = before?.credentials;
  const ac = after?.credentials;
  if (bc && ac && bc.addresses !== ac.addresses)
    add('~', `who can use the credentials: ${bc.addresses} → ${ac.addresses}`);
};

/** What changed between two reviews of the same project: permissions, objects, app, ranges, user. */
export const diffReviews = (base: VendorReview[], head: VendorReview[]): ReviewChange[] => {
  const changes: ReviewChange[] = [];
  const vendors = [...new Set([...base.map((v) => v.vendor), ...head.map((v) => v.vendor)])];
  for (const vendor of vendors) {
    const before = base.find((v) => v.vendor === vendor);
    const after = head.find((v) => v.vendor === vendor);
    const add: Add = (sign, text, tier) => {
      changes.push({ vendor, sign, text, ...(tier === undefined ? {} : { tier }) });
    };
    if (!before) add('+', `vendor ${after?.title ?? vendor} added`);
    if (!after) add('-', `vendor ${before?.title ?? vendor} removed`);
    diffPermissionSets(before, after, add);
    diffExternalClientApp(before, after, add);
    diffTrustedRanges(before, after, add);
    diffUserAndCredentials(before, after, add);
  }
  return changes;
};
