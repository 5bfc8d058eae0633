import type { Card, CardAction } from '../../platform/cards/card';
import type { TicketEntity } from './ticket.model';
import type { MessageKey } from '../../platform/i18n';
import { leadSummary, membersById } from '../leads';
import { mayFollowUp, ticketRef, worksTickets } from './tickets.service';
import { memberName } from '../leads';
import type { Ctx } from '../workspaces';
import { TICKET_ACTIONS } from './ticket.ids';

/**
 * Only what the reader may do: support staff (and a support channel's card, which they read) get every
 * step; the member who opened the ticket may escalate and reopen it; anyone else just reads it.
 */
function ticketButtons(ctx: Ctx, t: TicketEntity, channel = false): { actions: CardAction[]; commands: string[] } {
  const works = channel || worksTickets(ctx.actor.member);
  const follows = works || mayFollowUp(ctx.actor.member, t);
  const id = String(t._id);
  const ref = ticketRef(t);
  const actions: CardAction[] = [];
  const commands: string[] = [];
  const add = (ok: boolean, action: CardAction, command?: string) => {
    if (!ok) return;
    actions.push(action);
    if (command) commands.push(command);
  };
  // Claim, Resolve, Escalate, Reassign while it is open; a quick fix may be resolved without a claim.
  add(works && t.status === 'open', { id: TICKET_ACTIONS.ticketClaim, label: ctx.t('ticket.btn.claim'), value: id, style: 'primary' }, `/ticket claim ${ref}`);
  if (t.status !== 'resolved') {
    add(works, { id: TICKET_ACTIONS.ticketResolve, label: ctx.t('ticket.btn.resolve'), value: id, style: t.status === 'claimed' ? 'primary' : undefined }, `/ticket resolve ${ref} …`);
    add(follows && !t.escalated, { id: TICKET_ACTIONS.ticketEscalate, label: ctx.t('ticket.btn.escalate'), value: id, style: 'danger' }, t.status === 'open' ? `/ticket escalate ${ref}` : undefined);
    add(works, { id: TICKET_ACTIONS.ticketReassign, label: ctx.t('ticket.btn.reassign'), value: id });
  } else {
    add(follows, { id: TICKET_ACTIONS.ticketReopen, label: ctx.t('ticket.btn.reopen'), value: id }, `/ticket reopen ${ref} …`);
  }
  return { actions, commands };
}

/** The ticket card: subject, priority, status, lead, who and when, SLA targets, buttons for its state. */
export async function ticketCard(ctx: Ctx, t: TicketEntity, opts: { notice?: string; channel?: boolean } = {}): Promise<Card> {
  const people = await membersById(ctx.actor, [t.createdById, t.assigneeId].filter(Boolean));
  const assignee = t.assigneeId ? people.get(String(t.assigneeId)) : undefined;
  const lead = t.leadId ? await leadSummary(ctx.actor, t.leadId) : null;
  const fields = [
    { label: ctx.t('ticket.field.priority'), value: ctx.t(`ticket.priority.${t.priority}` as MessageKey) },
    { label: ctx.t('ticket.field.status'), value: ctx.t(`ticket.status.${t.status}` as MessageKey) + (t.escalated ? ` · ${ctx.t('ticket.escalated')}` : '') },
    { label: ctx.t('ticket.field.opened_by'), value: memberName(people.get(String(t.createdById))) },
  ];
  if (lead) fields.push({ label: ctx.t('ticket.field.lead'), value: `L-${lead.seq} · ${lead.company}` });
  if (t.status === 'open') fields.push({ label: ctx.t('ticket.field.claim_due'), value: ctx.formatDate(t.firstResponseDueAt) });
  if (t.status !== 'resolved') fields.push({ label: ctx.t('ticket.field.resolve_due'), value: ctx.formatDate(t.resolutionDueAt) });
  let context: string | undefined;
  if (t.status === 'claimed' && t.claimedAt) context = ctx.t('ticket.claimed_by', { who: memberName(assignee), at: ctx.formatDate(t.claimedAt) });
  if (t.status === 'resolved') context = ctx.t('ticket.resolved_by', { who: memberName(assignee), at: ctx.formatDate(t.resolvedAt ?? t.updatedAt), note: t.resolution });
  const { actions, commands } = ticketButtons(ctx, t, opts.channel);
  return {
    commands,
    title: `${ticketRef(t)} · ${t.subject}`,
    text: [opts.notice, t.description].filter(Boolean).join('\n\n') || undefined,
    fields,
    context,
    actions,
  };
}
