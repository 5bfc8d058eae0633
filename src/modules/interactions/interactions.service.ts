import { interactionsRepo, leadsRepo, INTERACTION_KINDS, PAGE_SIZE, leadRef } from '../leads';
import { auditRepo } from '../../platform/audit/audit.repo';
import type { Types } from 'mongoose';
import type { LeadEntity } from '../leads';
import type { TicketEntity } from '../tickets';
import { type Actor, wsId, isClosedStage } from '../workspaces';
import { fieldError } from '../../platform/errors';
import { createTicket } from '../tickets';

export { INTERACTION_KINDS };
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export const TEXT_MAX = 3000;

export const KIND_ALIASES: Record<string, InteractionKind> = {
  电话: 'call',
  通话: 'call',
  会议: 'meeting',
  开会: 'meeting',
  拜访: 'visit',
  邮件: 'email',
  微信: 'wechat',
  备注: 'note',
  投诉: 'complaint',
  phone: 'call',
  mail: 'email',
};

export function parseKind(s: string): InteractionKind | null {
  const k = s.trim().toLowerCase();
  if ((INTERACTION_KINDS as readonly string[]).includes(k)) return k as InteractionKind;
  return KIND_ALIASES[k] ?? null;
}

export interface LogInput {
  kind: InteractionKind;
  text: string;
  next?: { at: Date; what: string } | null;
  messageAuthor?: string;
  messageLink?: string;
}

/**
 * Records a customer touch: the interaction, the lead's last-contact time, optionally its next
 * follow-up; a complaint also opens a ticket linked to the lead.
 */
export async function logInteraction(actor: Actor, lead: LeadEntity, input: LogInput): Promise<{ lead: LeadEntity; ticket: TicketEntity | null }> {
  const text = input.text.trim();
  if (!text) throw fieldError('text', 'log.text_missing');
  if (text.length > TEXT_MAX) throw fieldError('text', 'error.field_too_long', { field: 'text', max: TEXT_MAX });
  if (input.next && input.next.at.getTime() <= actor.now().getTime()) throw fieldError('next', 'error.date_past');
  if (input.next && (isClosedStage(lead.stage))) throw fieldError('next', 'lead.closed_no_followup', { id: leadRef(lead), stage: lead.stage }, 'conflict');
  const ws = wsId(actor);
  const at = actor.now();
  const interaction = await interactionsRepo.add(ws, {
    leadId: lead._id,
    kind: input.kind,
    text,
    authorId: actor.member._id,
    at,
    messageAuthor: input.messageAuthor,
    messageLink: input.messageLink,
  });
  // A contact ends any gone-quiet spell; a new follow-up time moves the pending nudge.
  const set: Record<string, unknown> = { lastContactAt: at, quietLevel: 0 };
  if (input.next) Object.assign(set, { nextFollowUpAt: input.next.at, nextFollowUpWhat: input.next.what, followUpPending: true });
  const updated = (await leadsRepo.update(ws, lead._id, {}, set)) ?? lead;
  // `before` keeps what the log changed on the lead, so `/undo` can put it back.
  const o: Record<string, unknown> = { ...lead };
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, o[k] ?? null]));
  await auditRepo.record(ws, { actorId: actor.member._id, platform: actor.platform, action: 'interaction.create', entity: 'lead', entityId: lead._id, before, after: { interactionId: interaction._id, kind: input.kind, ...set }, at });
  let ticket: TicketEntity | null = null;
  if (input.kind === 'complaint') {
    const subject = text.split('\n')[0].slice(0, 80);
    ticket = await createTicket(actor, { subject: `${lead.company}: ${subject}`.slice(0, 200), description: text, leadId: lead._id, priority: 'high' });
    await interactionsRepo.setTicket(ws, interaction._id, ticket._id);
  }
  return { lead: updated, ticket };
}

export async function leadHistory(actor: Actor, lead: LeadEntity, page: number) {
  const ws = wsId(actor);
  const total = await interactionsRepo.count(ws, lead._id);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const p = Math.min(Math.max(1, page), pages);
  return { items: await interactionsRepo.page(ws, lead._id, (p - 1) * PAGE_SIZE, PAGE_SIZE), total, page: p, pages };
}

/** A merge: every interaction of lead `fromLeadId` now belongs to `toLeadId`; returns the ids moved (kept for an undo). */
export async function moveInteractionsToLead(workspaceId: Types.ObjectId, fromLeadId: Types.ObjectId, toLeadId: Types.ObjectId): Promise<Types.ObjectId[]> {
  return interactionsRepo.moveToLead(workspaceId, fromLeadId, toLeadId);
}

/** An undone merge: the interactions `ids` still on `fromLeadId` go back to `toLeadId`. */
export async function moveInteractionsBack(workspaceId: Types.ObjectId, ids: Types.ObjectId[], fromLeadId: Types.ObjectId, toLeadId: Types.ObjectId): Promise<void> {
  await interactionsRepo.moveBack(workspaceId, ids, fromLeadId, toLeadId);
}
