import type { Types } from 'mongoose';
import { leadsRepo } from './leads.repo';
import { membersRepo, type Actor, wsId, assertCanSeeLead, visibleOwnerIds, isClosedStage, matchStage, openStages, stageName } from '../workspaces';
import { interactionsRepo } from './interactions.repo';
import { auditRepo } from '../../platform/audit/audit.repo';
import type { LeadEntity } from './lead.model';
import type { MemberEntity } from '../workspaces';
import { AppError, userError, fieldError } from '../../platform/errors';
import { foldCompany, foldName } from './normalize';
import { oneChange } from '../../platform/changes/one-change';
import { leadRef } from './lead-ref';

export const PAGE_SIZE = 10;

/** "L-12", "l12", "12" -> 12; null when it is not a lead id. */
export function parseLeadId(s: string): number | null {
  // NFKC: `Ｌ－１２` and `L－12` (full-width, as Chinese input methods type them) are L-12.
  const m = s.normalize('NFKC').trim().match(/^(?:L-?)?(\d{1,9})$/i);
  return m ? Number(m[1]) : null;
}

/** The lead's fields an audit event keeps from before a change: the usual ones and every field `set` touches (so it can be undone). */
function snapshot(lead: LeadEntity, set: Record<string, unknown> = {}) {
  const o: Record<string, unknown> = { ...lead };
  const touched = Object.fromEntries(Object.keys(set).map((k) => [k, o[k] ?? null]));
  return { stage: o.stage, ownerId: o.ownerId, value: o.value, currency: o.currency, nextFollowUpAt: o.nextFollowUpAt, nextFollowUpWhat: o.nextFollowUpWhat, lostReason: o.lostReason, ...touched };
}

/** Closing a lead ends its follow-up: no time, no pending nudge. */
const NO_FOLLOW_UP = { nextFollowUpAt: null, nextFollowUpWhat: '', followUpPending: false };

export async function audit(actor: Actor, action: string, lead: LeadEntity, before: unknown, after: unknown) {
  await auditRepo.record(wsId(actor), { actorId: actor.member._id, platform: actor.platform, action, entity: 'lead', entityId: lead._id, before, after, at: actor.now() });
}

/** The member who owns `lead` now (null if they are gone). */
export async function ownerOf(actor: Actor, lead: LeadEntity): Promise<MemberEntity | null> {
  return membersRepo.byId(wsId(actor), lead.ownerId);
}

/** The lead `L-<seq>` if the actor may see it; a clear error otherwise. */
export async function getLead(actor: Actor, ref: string | number): Promise<LeadEntity> {
  const seq = typeof ref === 'number' ? ref : parseLeadId(ref);
  if (seq === null) throw userError('invalid_input', 'error.lead_id_invalid', { value: String(ref).slice(0, 40) });
  const lead = await leadsRepo.bySeq(wsId(actor), seq);
  if (!lead) throw userError('not_found', 'error.lead_not_found', { id: leadRef(seq) });
  await assertCanSeeLead(actor, lead);
  await assertNotDeleted(actor, lead);
  return lead;
}

/** A merged lead names the lead it went into; any other deleted lead says an admin can restore it. */
async function assertNotDeleted(actor: Actor, lead: LeadEntity): Promise<void> {
  if (!lead.deletedAt) return;
  const into = lead.mergedInto ? await leadsRepo.byId(wsId(actor), lead.mergedInto) : null;
  if (into) throw userError('not_found', 'lead.merged_into', { id: leadRef(lead), into: leadRef(into) });
  throw userError('not_found', 'error.lead_deleted', { id: leadRef(lead) });
}

/**
 * The lead `L-<seq>` to show: a lead merged into another resolves to the one it went into (following
 * later merges too), with `mergedFrom` naming the id that was typed.
 */
export async function resolveLead(actor: Actor, ref: string): Promise<{ lead: LeadEntity; mergedFrom: LeadEntity | null }> {
  const seq = parseLeadId(ref);
  let lead = seq === null ? null : await leadsRepo.bySeq(wsId(actor), seq);
  const typed = lead;
  for (let hop = 0; lead?.deletedAt && lead.mergedInto && hop < 10; hop++) lead = await leadsRepo.byId(wsId(actor), lead.mergedInto);
  if (!lead || !typed || lead === typed) return { lead: await getLead(actor, ref), mergedFrom: null };
  return { lead: await getLead(actor, lead.seq), mergedFrom: typed };
}

export async function getLeadById(actor: Actor, id: string): Promise<LeadEntity> {
  const lead = /^[0-9a-f]{24}$/i.test(id) ? await leadsRepo.byId(wsId(actor), id) : null;
  if (!lead) throw userError('not_found', 'error.lead_gone');
  await assertCanSeeLead(actor, lead);
  await assertNotDeleted(actor, lead);
  return lead;
}

export async function change(actor: Actor, lead: LeadEntity, action: string, set: Record<string, unknown>, expect: Record<string, unknown> = {}): Promise<LeadEntity> {
  const before = snapshot(lead, set);
  // One change per state of the lead: of simultaneous clicks on the same card, one goes through.
  const updated = await oneChange(
    wsId(actor),
    lead._id,
    lead.rev ?? 0,
    () => leadsRepo.update(wsId(actor), lead._id, { stage: lead.stage, ...expect }, set),
    () => leadsRepo.byId(wsId(actor), lead._id),
  );
  // Someone else changed it in between: act on the lead as it is now, and say so.
  if (!updated) throw userError('conflict', 'lead.changed_meanwhile', { id: leadRef(lead) });
  await audit(actor, action, updated, before, set);
  return updated;
}

/**
 * The workspace's stage named by `input`: its id (`qualified`) or its label in either language
 * (`Qualified`, `已确认需求`). An unknown name is refused with the list of stages to choose from.
 */
export function findStage(actor: Actor, input: string): string {
  const settings = actor.workspace.settings;
  const stages = settings?.stages ?? [];
  const stage = matchStage(settings, stages, input);
  if (stage) return stage;
  // In Chinese each id is followed by its name, so either may be typed.
  const zh = actor.locale === 'zh-CN';
  const listed = stages.map((s) => (zh && stageName(settings, 'zh-CN', s) !== s ? `${s}（${stageName(settings, 'zh-CN', s)}）` : s));
  throw userError('invalid_input', 'error.stage_unknown', { value: input.slice(0, 40), stages: listed.join(zh ? '、' : ', ') });
}

/**
 * Moves every lead at `from` to `to` (a pipeline change removed `from`), one audited change per lead,
 * as `lead.stage_remapped` so the digest does not count it as a sale moving forward. Returns how many.
 */
export async function remapStage(actor: Actor, from: string, to: string): Promise<number> {
  let moved = 0;
  for (let pass = 0; pass < 20; pass++) {
    const batch = await leadsRepo.list(wsId(actor), { stage: from }, 0, 200);
    if (!batch.length) break;
    for (const lead of batch) {
      // A lead changed by someone meanwhile is picked up again by the next pass.
      moved += await change(actor, lead, 'lead.stage_remapped', { stage: to }).then(
        () => 1,
        (err: unknown) => (err instanceof AppError && err.code === 'conflict' ? 0 : Promise.reject(err)),
      );
    }
  }
  return moved;
}

export async function setStage(actor: Actor, lead: LeadEntity, stageInput: string): Promise<LeadEntity> {
  const stage = findStage(actor, stageInput);
  if (stage === 'lost') throw userError('invalid_input', 'lead.lost_needs_reason', { id: leadRef(lead) });
  if (stage === lead.stage) return lead;
  // Reopening is its own, explicit step (`/lead reopen`), never a side effect of a stage name.
  if (isClosedStage(lead.stage)) throw userError('conflict', 'lead.closed_reopen', { id: leadRef(lead), stage: lead.stage });
  if (stage === 'won') return markWon(actor, lead, null);
  return change(actor, lead, 'lead.stage', { stage });
}

/** Moves to the next open stage; `fromStage` is what the clicked card showed (a stale card gets told). */
export async function advanceStage(actor: Actor, lead: LeadEntity, fromStage?: string): Promise<LeadEntity> {
  if (fromStage && fromStage !== lead.stage) throw userError('conflict', 'lead.changed_meanwhile', { id: leadRef(lead) });
  if (isClosedStage(lead.stage)) throw userError('conflict', 'lead.closed', { id: leadRef(lead), stage: lead.stage });
  const open = openStages(actor.workspace.settings);
  const i = open.indexOf(lead.stage);
  if (i < 0 || i === open.length - 1) throw userError('conflict', 'lead.last_stage', { id: leadRef(lead) });
  return change(actor, lead, 'lead.stage', { stage: open[i + 1] });
}

export async function markWon(actor: Actor, lead: LeadEntity, value: { amount: number; currency: string | null } | null): Promise<LeadEntity> {
  if (lead.stage === 'won') throw userError('conflict', 'lead.already', { id: leadRef(lead), stage: 'won' });
  const set: Record<string, unknown> = { stage: 'won', lostReason: '', ...NO_FOLLOW_UP };
  if (value) Object.assign(set, { value: value.amount, currency: value.currency ?? lead.currency ?? actor.workspace.settings?.currency ?? 'CNY' });
  return change(actor, lead, 'lead.won', set);
}

export async function markLost(actor: Actor, lead: LeadEntity, reason: string): Promise<LeadEntity> {
  const r = reason.trim();
  if (!r) throw fieldError('reason', 'lead.lost_needs_reason', { id: leadRef(lead) });
  if (r.length > 500) throw fieldError('reason', 'error.field_too_long', { field: 'reason', max: 500 });
  if (lead.stage === 'lost') throw userError('conflict', 'lead.already', { id: leadRef(lead), stage: 'lost' });
  return change(actor, lead, 'lead.lost', { stage: 'lost', lostReason: r, ...NO_FOLLOW_UP });
}

/** `previous`: the owner it was taken from, to be told (unless they did it themselves). */
export async function assignLead(actor: Actor, lead: LeadEntity, to: MemberEntity): Promise<{ lead: LeadEntity; notify: boolean; previous: MemberEntity | null }> {
  if (to._id.equals(lead.ownerId)) return { lead, notify: false, previous: null };
  const updated = await change(actor, lead, 'lead.assign', { ownerId: to._id }, { ownerId: lead.ownerId });
  const previous = lead.ownerId.equals(actor.member._id) ? null : await ownerOf(actor, lead);
  return { lead: updated, notify: !to._id.equals(actor.member._id), previous };
}

/** A closed lead gets no follow-ups (commands, buttons and the job agree): reopen it first. */
export function assertFollowUpAllowed(lead: LeadEntity): void {
  if (isClosedStage(lead.stage)) throw userError('conflict', 'lead.closed_no_followup', { id: leadRef(lead), stage: lead.stage });
}

export async function setNextFollowUp(actor: Actor, lead: LeadEntity, at: Date, what: string): Promise<LeadEntity> {
  assertFollowUpAllowed(lead);
  if (at.getTime() <= actor.now().getTime()) throw fieldError('at', 'error.date_past');
  if (what.length > 300) throw fieldError('what', 'error.field_too_long', { field: 'what', max: 300 });
  // A new time moves the lead's one pending nudge (the follow-up job reads these two fields).
  return change(actor, lead, 'lead.next', { nextFollowUpAt: at, nextFollowUpWhat: what, followUpPending: true });
}

export type ListFilter = { kind: 'all' } | { kind: 'mine' } | { kind: 'team' } | { kind: 'stale' } | { kind: 'stage'; stage: string };

export async function listLeads(actor: Actor, filter: ListFilter, page: number) {
  const ws = wsId(actor);
  let ownerIds = await visibleOwnerIds(actor);
  const q: Parameters<typeof leadsRepo.list>[1] = {};
  if (filter.kind === 'mine') ownerIds = [actor.member._id];
  if (filter.kind === 'stale') {
    q.openOnly = true;
    q.lastContactBefore = new Date(actor.now().getTime() - (actor.workspace.settings?.staleDays ?? 3) * 86400_000);
  }
  if (filter.kind === 'stage') {
    q.stage = findStage(actor, filter.stage);
  }
  q.ownerIds = ownerIds;
  const total = await leadsRepo.count(ws, q);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const p = Math.min(Math.max(1, page), pages);
  const leads = await leadsRepo.list(ws, q, (p - 1) * PAGE_SIZE, PAGE_SIZE);
  return { leads, total, page: p, pages };
}

export async function findLeads(actor: Actor, query: { phone?: string; email?: string; text?: string }, page: number) {
  const text = query.text ? { raw: query.text, company: foldCompany(query.text), contact: foldName(query.text), digits: query.text.replace(/\D/g, '').length >= 4 ? query.text.replace(/\D/g, '') : '' } : undefined;
  const ws = wsId(actor);
  const q = { phone: query.phone, email: query.email, text, ownerIds: await visibleOwnerIds(actor) };
  const total = await leadsRepo.count(ws, q);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const p = Math.min(Math.max(1, page), pages);
  return { leads: await leadsRepo.list(ws, q, (p - 1) * PAGE_SIZE, PAGE_SIZE), total, page: p, pages };
}

export async function recentInteractions(actor: Actor, lead: LeadEntity, limit = 5) {
  return interactionsRepo.latest(wsId(actor), lead._id, limit);
}

/** Number and company of a lead, to name it on a ticket (no permission needed to see a name). */
export async function leadSummary(actor: Actor, id: Types.ObjectId): Promise<{ seq: number; company: string } | null> {
  const lead = await leadsRepo.byId(wsId(actor), id);
  return lead ? { seq: lead.seq, company: lead.company } : null;
}

/** Members of the actor's workspace by platform user id (e.g. the authors of logged chat messages). */
export async function membersByPlatformId(actor: Actor, ids: string[]): Promise<Map<string, MemberEntity>> {
  if (!ids.length) return new Map();
  const rows = await membersRepo.byPlatformUserIds(wsId(actor), ids);
  return new Map(rows.map((m) => [m.platformUserId, m]));
}

export async function membersById(actor: Actor, ids: unknown[]): Promise<Map<string, MemberEntity>> {
  const rows = await membersRepo.byIds(wsId(actor), ids);
  return new Map(rows.map((m) => [String(m._id), m]));
}
