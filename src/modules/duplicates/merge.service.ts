import { identityKeys, leadsRepo, leadRef, parseLeadId, type LeadEntity } from '../leads';
import { leadHistory, moveInteractionsToLead, moveInteractionsBack } from '../interactions';
import { countTicketsOfLead, moveTicketsToLead, moveTicketsBack } from '../tickets';
import { type Actor, wsId, assertCanSeeLead, assertAdmin } from '../workspaces';
import { auditRepo } from '../../platform/audit/audit.repo';
import { oneChange } from '../../platform/changes/one-change';
import { userError } from '../../platform/errors';
import { mergesRepo } from './merge.repo';
import { beforeState, mergedFields, unmergedFields } from './merge.plan';

// Merging two leads of one customer, and an admin's undo. Who may merge: whoever may see (and so
// change) both leads: a rep the owner of both, a manager leads of their team, an admin any two.

export interface MergePair {
  survivor: LeadEntity;
  loser: LeadEntity;
}

/** What the confirmation card shows: the pair, what moves, and what the survivor's fields become. */
export interface MergePreview extends MergePair {
  interactions: number;
  tickets: number;
  set: Record<string, unknown>;
}

/** A lead by number or by id (a button), with the checks every merge step makes. */
async function loadLead(actor: Actor, ref: string | number): Promise<LeadEntity> {
  const ws = wsId(actor);
  const hex = typeof ref === 'string' && /^[0-9a-f]{24}$/i.test(ref);
  const seq = typeof ref === 'number' ? ref : hex ? null : parseLeadId(ref);
  if (!hex && seq === null) throw userError('invalid_input', 'error.lead_id_invalid', { value: String(ref).slice(0, 40) });
  const lead = hex ? await leadsRepo.byId(ws, ref) : await leadsRepo.bySeq(ws, seq!);
  if (!lead) throw userError('not_found', hex ? 'error.lead_gone' : 'error.lead_not_found', { id: leadRef(seq ?? 0) });
  return lead;
}

async function assertMergeable(actor: Actor, lead: LeadEntity): Promise<void> {
  if (lead.mergedInto) {
    const into = await leadsRepo.byId(wsId(actor), lead.mergedInto);
    throw userError('conflict', 'merge.already_merged', { id: leadRef(lead), into: into ? leadRef(into) : '?' });
  }
  if (lead.deletedAt) throw userError('not_found', 'error.lead_deleted', { id: leadRef(lead) });
}

/** The two leads, `keep` first; refused (before anything is read further) unless the actor may see both. */
export async function loadPair(actor: Actor, keep: string | number, lose: string | number): Promise<MergePair> {
  const survivor = await loadLead(actor, keep);
  const loser = await loadLead(actor, lose);
  if (survivor._id.equals(loser._id)) throw userError('invalid_input', 'merge.same_lead', { id: leadRef(survivor) });
  await assertCanSeeLead(actor, survivor);
  await assertCanSeeLead(actor, loser);
  await assertMergeable(actor, survivor);
  await assertMergeable(actor, loser);
  return { survivor, loser };
}

/** The older of two leads (the one added first) is kept unless one is named. */
export function olderFirst(a: LeadEntity, b: LeadEntity): [LeadEntity, LeadEntity] {
  return a.seq <= b.seq ? [a, b] : [b, a];
}

export async function previewMerge(actor: Actor, pair: MergePair): Promise<MergePreview> {
  const [history, tickets] = await Promise.all([leadHistory(actor, pair.loser, 1), countTicketsOfLead(wsId(actor), pair.loser._id)]);
  return { ...pair, interactions: history.total, tickets, set: mergedFields(pair.survivor, pair.loser) };
}

/** The revisions a confirmation was shown for: a lead changed since is shown again, not merged blind. */
export interface MergeBasis {
  s: number;
  l: number;
}

/** Moves everything off the loser (the guard is held on both leads); null when a lead changed meanwhile. */
async function applyMerge(actor: Actor, { survivor, loser }: MergePair): Promise<MergeResult | null> {
  const ws = wsId(actor);
  const set = mergedFields(survivor, loser);
  const record = await mergesRepo.create(ws, { survivorId: survivor._id, loserId: loser._id, byId: actor.member._id, at: actor.now(), survivorBefore: beforeState(survivor), loserBefore: beforeState(loser), survivorSet: set });
  const gone = await leadsRepo.update(ws, loser._id, { deletedAt: null, mergedInto: null }, { deletedAt: actor.now(), deletedById: actor.member._id, mergedInto: survivor._id });
  if (!gone) return mergesRepo.remove(ws, record._id).then(() => null);
  const kept = await leadsRepo.update(ws, survivor._id, { deletedAt: null }, set);
  if (!kept) {
    await leadsRepo.update(ws, loser._id, { mergedInto: survivor._id }, { deletedAt: null, deletedById: null, mergedInto: null });
    return mergesRepo.remove(ws, record._id).then(() => null);
  }
  const interactionIds = await moveInteractionsToLead(ws, loser._id, survivor._id);
  const ticketIds = await moveTicketsToLead(ws, loser._id, survivor._id);
  const keys = await leadsRepo.moveKeys(ws, loser._id, survivor._id);
  // A lead made with "Create anyway" holds no keys: the survivor reserves every key of its merged details that is free.
  if (kept.keys) await leadsRepo.holdKeys(ws, survivor._id, identityKeys(kept.keys));
  await mergesRepo.setMoved(ws, record._id, { interactionIds, ticketIds, keys });
  await auditRepo.record(ws, {
    actorId: actor.member._id, platform: actor.platform, action: 'lead.merged', entity: 'lead', entityId: survivor._id,
    before: { survivor: beforeState(survivor), loser: beforeState(loser) },
    after: { survivor: set, loserId: loser._id, loserSeq: loser.seq, mergeId: record._id, interactionIds, ticketIds, keys },
    at: actor.now(),
  });
  return { survivor: kept, loser: gone, interactions: interactionIds.length, tickets: ticketIds.length };
}

export interface MergeResult {
  survivor: LeadEntity;
  loser: LeadEntity;
  interactions: number;
  tickets: number;
}

/** Of two simultaneous merges (or a merge and any other change) of the same leads, one goes through. */
async function bothGuarded<T>(actor: Actor, a: LeadEntity, b: LeadEntity, fn: () => Promise<T | null>): Promise<T | null> {
  const ws = wsId(actor);
  const inner = () => oneChange(ws, b._id, b.rev ?? 0, fn, () => leadsRepo.byId(ws, b._id));
  return oneChange(ws, a._id, a.rev ?? 0, inner, () => leadsRepo.byId(ws, a._id));
}

/** Merges lead `lose` into lead `keep`. `basis`: the revisions the confirmation card showed. */
export async function mergeLeads(actor: Actor, keep: string | number, lose: string | number, basis?: MergeBasis): Promise<MergeResult> {
  const pair = await loadPair(actor, keep, lose);
  if (basis && (basis.s !== (pair.survivor.rev ?? 0) || basis.l !== (pair.loser.rev ?? 0))) throw userError('conflict', 'merge.changed_since', { id: leadRef(pair.loser), into: leadRef(pair.survivor) });
  const done = await bothGuarded(actor, pair.loser, pair.survivor, () => applyMerge(actor, pair));
  if (done) return done;
  // Someone merged (or changed) one of them at the same moment: say which.
  await loadPair(actor, pair.survivor._id.toHexString(), pair.loser._id.toHexString());
  throw userError('conflict', 'merge.busy', { id: leadRef(pair.loser), into: leadRef(pair.survivor) });
}

export interface UnmergeResult {
  survivor: LeadEntity;
  loser: LeadEntity;
  /** Survivor fields changed again since the merge, left as they are now. */
  kept: string[];
}

/** An admin takes a merge back: the loser returns, and exactly what was moved goes back to it. */
export async function unmergeLead(actor: Actor, ref: string): Promise<UnmergeResult> {
  assertAdmin(actor);
  const ws = wsId(actor);
  const loser = await loadLead(actor, ref);
  const record = loser.mergedInto ? await mergesRepo.activeFor(ws, loser._id) : null;
  if (!record) throw userError('conflict', 'merge.not_merged', { id: leadRef(loser) });
  const survivor = await leadsRepo.byId(ws, record.survivorId);
  if (!survivor) throw userError('not_found', 'error.lead_gone');
  const done = await bothGuarded(actor, loser, survivor, async () => {
    if (!(await mergesRepo.markUndone(ws, record._id, actor.now(), actor.member._id))) return null;
    const back = await leadsRepo.update(ws, loser._id, { mergedInto: survivor._id }, { deletedAt: null, deletedById: null, mergedInto: null });
    if (!back) return mergesRepo.clearUndone(ws, record._id).then(() => null);
    const restore = unmergedFields(survivor, record.survivorSet as Record<string, unknown>, record.survivorBefore as Record<string, unknown>);
    const restored = Object.keys(restore.set).length ? await leadsRepo.update(ws, survivor._id, {}, restore.set) : survivor;
    await moveInteractionsBack(ws, record.interactionIds, survivor._id, loser._id);
    await moveTicketsBack(ws, record.ticketIds, survivor._id, loser._id);
    await leadsRepo.returnKeys(ws, record.keys, survivor._id, loser._id);
    // The survivor holds its own keys again (not those it took with the merge); the loser what it held
    // before, no more: a key dropped meanwhile (an edit of the survivor re-reserves only its own) is reserved again.
    const own = restored ?? survivor;
    if (own.keys) await leadsRepo.reclaimKeys(ws, own._id, identityKeys(own.keys));
    await leadsRepo.holdKeys(ws, loser._id, record.keys);
    await auditRepo.record(ws, { actorId: actor.member._id, platform: actor.platform, action: 'lead.unmerged', entity: 'lead', entityId: survivor._id, before: { survivor: beforeState(survivor), loser: beforeState(loser) }, after: { survivor: restore.set, kept: restore.kept, loserId: loser._id, mergeId: record._id }, at: actor.now() });
    return { survivor: restored ?? survivor, loser: back, kept: restore.kept };
  });
  if (!done) throw userError('conflict', 'merge.not_merged', { id: leadRef(loser) });
  return done;
}

