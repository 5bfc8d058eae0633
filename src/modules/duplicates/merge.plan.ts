import { leadBlockKeys, type LeadEntity } from '../leads';
import { isClosedStage } from '../workspaces';

// What a merge writes on the surviving lead (pure: two leads in, the fields to set out), and what an
// unmerge puts back. The rules, in one place:
// - phones, e-mails, tags and assumed-region marks: the union, the survivor's first;
// - identity keys (phones, e-mails) follow; the survivor keeps its company and contact;
// - value: the survivor's if it has one, else the loser's (never added: two entries of one customer
//   are one deal counted twice); source likewise;
// - last contact: the later of the two (and the gone-quiet level of the lead it came from);
// - follow-up: a closed survivor takes none; otherwise the loser's when the survivor has none or the
//   loser's is earlier;
// - stage, owner, company and contact: the survivor's.

const union = (a: readonly string[], b: readonly string[]) => [...a, ...b.filter((x) => !a.includes(x))];

/** The loser's phones the survivor lacks (by their key), as typed, with their keys. */
function phonesToAdd(survivor: LeadEntity, loser: LeadEntity): { raw: string[]; keys: string[] } {
  const have = survivor.keys?.phones ?? [];
  const theirKeys = loser.keys?.phones ?? [];
  // Display and key lists are parallel when written by /lead add or /lead edit; if not, fall back to the text.
  if (theirKeys.length !== loser.phones.length) return { raw: loser.phones.filter((p) => !survivor.phones.includes(p)), keys: theirKeys.filter((k) => !have.includes(k)) };
  const add = theirKeys.map((k, i) => ({ k, raw: loser.phones[i] })).filter(({ k }, i) => !have.includes(k) && theirKeys.indexOf(k) === i);
  return { raw: add.map((a) => a.raw), keys: add.map((a) => a.k) };
}

function followUp(survivor: LeadEntity, loser: LeadEntity): Record<string, unknown> {
  if (isClosedStage(survivor.stage) || !loser.nextFollowUpAt) return {};
  if (survivor.nextFollowUpAt && survivor.nextFollowUpAt.getTime() <= loser.nextFollowUpAt.getTime()) return {};
  return { nextFollowUpAt: loser.nextFollowUpAt, nextFollowUpWhat: loser.nextFollowUpWhat ?? '', followUpPending: Boolean(loser.followUpPending) };
}

function lastContact(survivor: LeadEntity, loser: LeadEntity): Record<string, unknown> {
  const s = survivor.lastContactAt?.getTime() ?? -1;
  const l = loser.lastContactAt?.getTime() ?? -1;
  return l > s ? { lastContactAt: loser.lastContactAt, quietLevel: loser.quietLevel ?? 0, quietNudgedAt: loser.quietNudgedAt ?? null } : {};
}


/** The survivor's fields after the merge; only those that change. */
export function mergedFields(survivor: LeadEntity, loser: LeadEntity): Record<string, unknown> {
  const phones = phonesToAdd(survivor, loser);
  const k = survivor.keys ?? { phones: [], emails: [], company: '', contact: '' };
  const keys = { phones: [...k.phones, ...phones.keys], emails: union(k.emails, loser.keys?.emails ?? []), company: k.company, contact: k.contact };
  const set: Record<string, unknown> = {
    phones: [...survivor.phones, ...phones.raw],
    emails: union(survivor.emails, loser.emails),
    phoneGuesses: union(survivor.phoneGuesses ?? [], loser.phoneGuesses ?? []),
    tags: union(survivor.tags, loser.tags),
    keys,
    // The duplicate engine finds the survivor by the loser's phones and e-mails too.
    ...leadBlockKeys({ company: survivor.company, contactName: survivor.contactName, keys }),
    ...followUp(survivor, loser),
    ...lastContact(survivor, loser),
  };
  if ((survivor.value === null || survivor.value === undefined) && loser.value !== null && loser.value !== undefined) Object.assign(set, { value: loser.value, currency: loser.currency ?? null });
  if (!survivor.source && loser.source) set.source = loser.source;
  const now: Record<string, unknown> = { ...survivor };
  for (const f of Object.keys(set)) if (same(now[f], set[f])) delete set[f];
  return set;
}

/** A value in a stable form to compare (ObjectIds, dates and key order as stored may differ). */
function canon(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && typeof (v as { toHexString?: unknown }).toHexString === 'function') return (v as { toHexString: () => string }).toHexString();
  if (Array.isArray(v)) return v.map(canon);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([key]) => key !== '_id').sort(([a], [b]) => a.localeCompare(b)).map(([key, x]) => [key, canon(x)]));
  return v;
}
export const same = (a: unknown, b: unknown) => JSON.stringify(canon(a)) === JSON.stringify(canon(b));

/**
 * What an unmerge writes back on the survivor: each field the merge set goes back to what it was,
 * unless it was changed again since (that later change is kept). Returns the set and the fields kept.
 */
export function unmergedFields(now: LeadEntity, set: Record<string, unknown>, before: Record<string, unknown>): { set: Record<string, unknown>; kept: string[] } {
  const cur: Record<string, unknown> = { ...now };
  const back: Record<string, unknown> = {};
  const kept: string[] = [];
  for (const f of Object.keys(set)) {
    if (same(cur[f], set[f])) back[f] = before[f] ?? null;
    else kept.push(f);
  }
  return { set: back, kept };
}

/** The fields of a lead a merge record keeps from before (everything but its id). */
export function beforeState(lead: LeadEntity): Record<string, unknown> {
  const { _id, ...rest } = lead;
  void _id;
  return rest;
}
