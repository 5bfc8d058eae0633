import type { Types } from 'mongoose';
import { ticketsRepo, type TicketQuery } from './tickets.repo';
import { countersRepo } from '../../platform/ids/counters.repo';
import { membersRepo, type Actor, wsId, memberName } from '../workspaces';
import { leadsRepo, PAGE_SIZE } from '../leads';
import { auditRepo } from '../../platform/audit/audit.repo';
import type { TicketEntity } from './ticket.model';
import type { MemberEntity } from '../workspaces';
import { PRIORITIES, mayFollowUp, ticketRef, worksTickets, type Priority } from './ticket-rules';
import { userError, fieldError } from '../../platform/errors';
import { oneChange } from '../../platform/changes/one-change';

/** The ticket as stored now (to tell whether an update that failed half-way happened). */
const current = (actor: Actor, t: TicketEntity) => () => ticketsRepo.byId(wsId(actor), t._id);

export { PRIORITIES, mayFollowUp, ticketRef, worksTickets, type Priority };
export const SUBJECT_MAX = 200;
export const DESCRIPTION_MAX = 3000;
export const RESOLUTION_MAX = 2000;

/** "T-57", "t57", "57" -> 57. */
export function parseTicketId(s: string): number | null {
  // NFKC: full-width `Ｔ－５７` is T-57.
  const m = s.normalize('NFKC').trim().match(/^(?:T-?)?(\d{1,9})$/i);
  return m ? Number(m[1]) : null;
}

async function canSee(actor: Actor, t: TicketEntity): Promise<boolean> {
  if (worksTickets(actor.member) || t.createdById.equals(actor.member._id)) return true;
  if (!t.leadId) return false;
  const lead = await leadsRepo.byId(wsId(actor), t.leadId);
  return Boolean(lead?.ownerId.equals(actor.member._id));
}

/** The rep who owns the ticket's customer, to be told of its progress (not when they made the change). */
export async function ticketLeadOwner(actor: Actor, t: TicketEntity): Promise<MemberEntity | null> {
  const lead = t.leadId ? await leadsRepo.byId(wsId(actor), t.leadId) : null;
  if (!lead || lead.ownerId.equals(actor.member._id)) return null;
  return membersRepo.byId(wsId(actor), lead.ownerId);
}

function assertWorker(actor: Actor): void {
  if (!worksTickets(actor.member)) throw userError('forbidden', 'ticket.support_only');
}

async function audit(actor: Actor, action: string, t: TicketEntity, before: unknown, after: unknown) {
  await auditRepo.record(wsId(actor), { actorId: actor.member._id, platform: actor.platform, action, entity: 'ticket', entityId: t._id, before, after, at: actor.now() });
}

function dueTimes(actor: Actor, priority: Priority, from: Date) {
  const sla = actor.workspace.settings?.sla?.[priority] ?? { claim: 240, resolve: 2880 };
  return {
    firstResponseDueAt: new Date(from.getTime() + (sla.claim ?? 240) * 60_000),
    resolutionDueAt: new Date(from.getTime() + (sla.resolve ?? 2880) * 60_000),
  };
}

export interface NewTicket {
  subject: string;
  description?: string;
  priority?: Priority;
  leadId?: Types.ObjectId | null;
}

export async function createTicket(actor: Actor, input: NewTicket): Promise<TicketEntity> {
  const subject = input.subject.trim();
  if (!subject) throw fieldError('subject', 'ticket.subject_missing');
  if (subject.length > SUBJECT_MAX) throw fieldError('subject', 'error.field_too_long', { field: 'subject', max: SUBJECT_MAX });
  if ((input.description ?? '').length > DESCRIPTION_MAX) throw fieldError('description', 'error.field_too_long', { field: 'description', max: DESCRIPTION_MAX });
  const priority = input.priority ?? 'normal';
  const ticket = await countersRepo.insertNumbered(wsId(actor), 'ticket', (seq) =>
    ticketsRepo.create(wsId(actor), {
      seq,
      subject,
      description: input.description ?? '',
      priority,
      leadId: input.leadId ?? null,
      createdById: actor.member._id,
      ...dueTimes(actor, priority, actor.now()),
    }),
  );
  await audit(actor, 'ticket.create', ticket, null, ticket);
  return ticket;
}

export async function getTicket(actor: Actor, ref: string): Promise<TicketEntity> {
  const seq = parseTicketId(ref);
  if (seq === null) throw userError('invalid_input', 'ticket.id_invalid', { value: ref.slice(0, 40) });
  const t = await ticketsRepo.bySeq(wsId(actor), seq);
  if (!t) throw userError('not_found', 'ticket.not_found', { id: ticketRef(seq) });
  if (!(await canSee(actor, t))) throw userError('forbidden', 'ticket.forbidden', { id: ticketRef(seq) });
  return t;
}

export async function getTicketById(actor: Actor, id: string): Promise<TicketEntity> {
  const t = /^[0-9a-f]{24}$/i.test(id) ? await ticketsRepo.byId(wsId(actor), id) : null;
  if (!t) throw userError('not_found', 'ticket.gone');
  if (!(await canSee(actor, t))) throw userError('forbidden', 'ticket.forbidden', { id: ticketRef(t) });
  return t;
}

/** Why a transition did not apply, told from the ticket as it is now. */
async function refusal(actor: Actor, id: Types.ObjectId) {
  const now = await ticketsRepo.byId(wsId(actor), id);
  if (!now) return userError('not_found', 'ticket.gone');
  if (now.status === 'resolved') return userError('conflict', 'ticket.already_resolved', { id: ticketRef(now) });
  // The winner of a claim may not have written the ticket yet; its claim row already names them.
  const holder = now.assigneeId ?? (await ticketsRepo.claimHolder(wsId(actor), now._id, now.claimRound ?? 0));
  const who = holder ? await membersRepo.byId(wsId(actor), holder) : null;
  return userError('conflict', 'ticket.already_claimed', { id: ticketRef(now), by: memberName(who) });
}

/** A claim row older than this whose ticket is still open was left by a claim that never finished. */
const STALE_CLAIM_MS = 30_000;

/** This round's claim row for `memberId`; a row left by a claim that died half-way is taken over. */
async function reserveClaim(actor: Actor, t: TicketEntity, round: number, memberId: Types.ObjectId = actor.member._id): Promise<boolean> {
  const ws = wsId(actor);
  if (await ticketsRepo.reserveClaim(ws, t._id, round, memberId)) return true;
  const now = await ticketsRepo.byId(ws, t._id);
  if (now?.status !== 'open' || (now.claimRound ?? 0) !== round) return false;
  // Claim rows are stamped with the wall clock (not the actor's), so the age is read the same way.
  if (!(await ticketsRepo.dropStaleClaim(ws, t._id, round, new Date(Date.now() - STALE_CLAIM_MS)))) return false;
  return ticketsRepo.reserveClaim(ws, t._id, round, memberId);
}

/**
 * The first click wins. The claim row's unique index picks exactly one winner per round (atomic on
 * every MongoDB-protocol server), then one conditional update records it on the ticket.
 */
export async function claimTicket(actor: Actor, t: TicketEntity): Promise<TicketEntity> {
  assertWorker(actor);
  const ws = wsId(actor);
  const round = t.claimRound ?? 0;
  if (t.status !== 'open' || !(await reserveClaim(actor, t, round))) throw await refusal(actor, t._id);
  let claimed: TicketEntity | null;
  try {
    claimed = await ticketsRepo.transition(ws, t._id, { status: 'open', claimRound: round }, { status: 'claimed', assigneeId: actor.member._id, claimedAt: actor.now() });
  } catch (err) {
    // The database went away between the two writes: give the round back so the next click can win.
    await ticketsRepo.releaseClaim(ws, t._id, round, actor.member._id).catch(() => undefined);
    throw err;
  }
  if (!claimed) {
    // Resolved or reopened in between: give the round back and say how it is now.
    await ticketsRepo.releaseClaim(ws, t._id, round, actor.member._id);
    throw await refusal(actor, t._id);
  }
  await audit(actor, 'ticket.claim', claimed, { status: 'open' }, { status: 'claimed', assigneeId: actor.member._id });
  return claimed;
}

export async function resolveTicket(actor: Actor, t: TicketEntity, note: string): Promise<TicketEntity> {
  assertWorker(actor);
  const resolution = note.trim();
  if (!resolution) throw fieldError('note', 'ticket.resolution_missing', { id: ticketRef(t) });
  if (resolution.length > RESOLUTION_MAX) throw fieldError('note', 'error.field_too_long', { field: 'resolution', max: RESOLUTION_MAX });
  const set = { status: 'resolved', resolution, resolvedAt: actor.now(), assigneeId: t.assigneeId ?? actor.member._id };
  // Conditioned on the assignee read above too: a reassign committed in between is not undone.
  const done = await oneChange(wsId(actor), t._id, t.rev ?? 0, () => ticketsRepo.transition(wsId(actor), t._id, { status: { $in: ['open', 'claimed'] }, assigneeId: t.assigneeId }, set), current(actor, t));
  if (!done) {
    const now = await ticketsRepo.byId(wsId(actor), t._id);
    if (now?.status === 'resolved') throw userError('conflict', 'ticket.already_resolved', { id: ticketRef(t) });
    throw userError('conflict', 'ticket.changed_meanwhile', { id: ticketRef(t) });
  }
  await audit(actor, 'ticket.resolve', done, { status: t.status }, set);
  return done;
}

/** A reopened ticket says why; the earlier resolution note stays in its history (the audit trail). */
export async function reopenTicket(actor: Actor, t: TicketEntity, reason: string): Promise<TicketEntity> {
  if (!mayFollowUp(actor.member, t)) throw userError('forbidden', 'ticket.support_only');
  const why = reason.trim();
  if (!why) throw fieldError('reason', 'ticket.reopen_reason_missing', { id: ticketRef(t) });
  if (why.length > RESOLUTION_MAX) throw fieldError('reason', 'error.field_too_long', { field: 'reason', max: RESOLUTION_MAX });
  const set = { status: 'open', assigneeId: null, claimedAt: null, resolvedAt: null, resolution: '', claimRound: (t.claimRound ?? 0) + 1, slaClaimAlerted: false, slaResolveAlerted: false, ...dueTimes(actor, t.priority, actor.now()) };
  const open = await oneChange(wsId(actor), t._id, t.rev ?? 0, () => ticketsRepo.transition(wsId(actor), t._id, { status: 'resolved' }, set), current(actor, t));
  if (!open) throw userError('conflict', 'ticket.not_resolved', { id: ticketRef(t) });
  await audit(actor, 'ticket.reopen', open, { status: 'resolved', resolution: t.resolution }, { status: 'open', reason: why });
  return open;
}

/** Flags the ticket and returns the managers (and admins) to tell. */
export async function escalateTicket(actor: Actor, t: TicketEntity): Promise<{ ticket: TicketEntity; managers: MemberEntity[] }> {
  if (!mayFollowUp(actor.member, t)) throw userError('forbidden', 'ticket.support_only');
  const escalated = await oneChange(wsId(actor), t._id, t.rev ?? 0, () => ticketsRepo.transition(wsId(actor), t._id, { status: { $ne: 'resolved' }, escalated: false }, { escalated: true }), current(actor, t));
  if (!escalated) {
    // Re-read: a simultaneous click may have escalated it a moment ago.
    const now = await ticketsRepo.byId(wsId(actor), t._id);
    if (now?.escalated) throw userError('conflict', 'ticket.already_escalated', { id: ticketRef(t) });
    if (now?.status === 'resolved') throw userError('conflict', 'ticket.already_resolved', { id: ticketRef(t) });
    // A simultaneous change from the same state went first and has not been written yet.
    throw userError('conflict', 'ticket.changed_meanwhile', { id: ticketRef(t) });
  }
  await audit(actor, 'ticket.escalate', escalated, { escalated: false }, { escalated: true });
  const managers = await ticketWatchers(wsId(actor));
  return { ticket: escalated, managers: managers.filter((m) => !m._id.equals(actor.member._id)) };
}

/** Managers and admins: told when a ticket is escalated, by a person or by its missed SLA. */
export async function ticketWatchers(workspaceId: Types.ObjectId): Promise<MemberEntity[]> {
  return [...(await membersRepo.byRole(workspaceId, 'manager')), ...(await membersRepo.byRole(workspaceId, 'admin'))];
}

export async function reassignTicket(actor: Actor, t: TicketEntity, to: MemberEntity): Promise<TicketEntity> {
  assertWorker(actor);
  if (to.role !== 'support') throw fieldError('to', 'ticket.assignee_not_support', { who: memberName(to) });
  const set = { status: 'claimed', assigneeId: to._id, claimedAt: t.claimedAt ?? actor.now() };
  // Giving away an unclaimed ticket takes its claim, so a simultaneous Claim cannot also win.
  const round = t.claimRound ?? 0;
  const reserved = t.status === 'open';
  if (reserved && !(await reserveClaim(actor, t, round, to._id))) throw await refusal(actor, t._id);
  const giveBack = () => (reserved ? ticketsRepo.releaseClaim(wsId(actor), t._id, round, to._id).catch(() => undefined) : undefined);
  let moved: TicketEntity | null;
  try {
    moved = await ticketsRepo.transition(wsId(actor), t._id, { status: { $in: ['open', 'claimed'] }, assigneeId: t.assigneeId }, set);
  } catch (err) {
    await giveBack();
    throw err;
  }
  if (!moved) {
    await giveBack();
    throw await refusal(actor, t._id);
  }
  await audit(actor, 'ticket.reassign', moved, { assigneeId: t.assigneeId }, { assigneeId: to._id });
  return moved;
}

/** The support agents a ticket can be given to. */
export async function supportAgents(actor: Actor): Promise<MemberEntity[]> {
  return membersRepo.byRole(wsId(actor), 'support');
}

export type TicketFilter = 'all' | 'open' | 'mine' | 'unclaimed';

export async function listTickets(actor: Actor, filter: TicketFilter, page: number) {
  const ws = wsId(actor);
  const q: TicketQuery = {};
  if (filter === 'open') q.status = ['open', 'claimed'];
  if (filter === 'unclaimed') Object.assign(q, { status: ['open'], assigneeId: null });
  if (filter === 'mine') Object.assign(q, { status: ['open', 'claimed'], assigneeId: actor.member._id });
  if (!worksTickets(actor.member)) {
    q.visibleTo = { memberId: actor.member._id, leadIds: await leadsRepo.idsOwnedBy(ws, actor.member._id) };
  }
  const total = await ticketsRepo.count(ws, q);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const p = Math.min(Math.max(1, page), pages);
  return { tickets: await ticketsRepo.list(ws, q, (p - 1) * PAGE_SIZE, PAGE_SIZE), total, page: p, pages };
}

/** A merge: every ticket of lead `fromLeadId` now belongs to `toLeadId`; returns the ids moved (kept for an undo). */
export async function moveTicketsToLead(workspaceId: Types.ObjectId, fromLeadId: Types.ObjectId, toLeadId: Types.ObjectId): Promise<Types.ObjectId[]> {
  return ticketsRepo.moveToLead(workspaceId, fromLeadId, toLeadId);
}

/** An undone merge: the tickets `ids` still on `fromLeadId` go back to `toLeadId`. */
export async function moveTicketsBack(workspaceId: Types.ObjectId, ids: Types.ObjectId[], fromLeadId: Types.ObjectId, toLeadId: Types.ObjectId): Promise<void> {
  await ticketsRepo.moveBack(workspaceId, ids, fromLeadId, toLeadId);
}

/** How many tickets lead `leadId` has (what a merge would move). */
export async function countTicketsOfLead(workspaceId: Types.ObjectId, leadId: Types.ObjectId): Promise<number> {
  return ticketsRepo.count(workspaceId, { leadId });
}
