import { reply, type Form, type Reply } from '../platform/cards/card';
import * as leads from '../modules/leads';
import { AppError, userError } from '../platform/errors';
import { ACTIONS, FORMS } from './constants';
import { createdReply, listReply, type PageRef, assignReply, infoCard, leadCard, leadRef, memberName, stageLabel, getLeadView, leadEditActions, LEAD_VALUES } from '../modules/leads';
import { snoozeFollowUp, NUDGE_VALUES } from '../modules/follow-ups';
import type { Ctx } from './types';
import { z } from 'zod';
import * as tickets from '../modules/tickets';
import { historyReply, logForm } from '../modules/interactions';
import { duplicatesActions, mergeActions, recordCreatedAnyway } from '../modules/duplicates';
import { claimReply, escalateReply, ticketListReply, TICKET_VALUES } from '../modules/tickets';

type ActionHandler = (ctx: Ctx, value: string) => Promise<Reply>;

/** Runs a card update; when the lead changed since the card was drawn, shows it as it is now. */
async function onLead(ctx: Ctx, leadId: string, fn: (lead: Awaited<ReturnType<typeof leads.getLeadById>>) => Promise<Reply>): Promise<Reply> {
  const lead = await leads.getLeadById(ctx.actor, leadId);
  try {
    return await fn(lead);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'conflict') throw err;
    const now = await leads.getLeadById(ctx.actor, leadId);
    return reply([leadCard(ctx, await getLeadView(ctx.actor, now), { notice: ctx.t(err.userMessage.key, err.userMessage.params) })], { replaceOriginal: true });
  }
}

function simpleForm(ctx: Ctx, id: string, title: string, metadata: string, fields: Form['fields'], example: string): Form {
  return { id, title, submitLabel: ctx.t('form.save'), closeLabel: ctx.t('form.cancel'), metadata, fields, example };
}

const pageRef = z.union([
  z.object({ f: z.literal('list'), k: z.string(), s: z.string().optional(), p: z.number().int().min(1) }),
  z.object({ f: z.literal('find'), q: z.string().min(1).max(200), p: z.number().int().min(1) }),
]);

export const actionHandlers: Record<string, ActionHandler> = {
  ...leadEditActions,
  ...mergeActions,
  ...duplicatesActions,
  // From a follow-up nudge: moves the follow-up and its nudge by a day or a week.
  [ACTIONS.nudgeSnooze]: async (ctx, value) => {
    const { id, days, due } = NUDGE_VALUES.nudgeSnooze.read(value);
    return onLead(ctx, id, async (lead) => {
      const moved = await snoozeFollowUp(ctx.actor, lead, days, due);
      const until = ctx.formatDate(moved.nextFollowUpAt ?? ctx.actor.now());
      return reply([infoCard(ctx.t('nudge.snoozed', { id: leadRef(moved), company: moved.company, until }))], { replaceOriginal: true });
    });
  },
  [ACTIONS.leadAdvance]: async (ctx, value) => {
    const { id, from } = LEAD_VALUES.leadAdvance.read(value);
    return onLead(ctx, id, async (lead) => {
      const moved = await leads.advanceStage(ctx.actor, lead, from);
      return reply([leadCard(ctx, await getLeadView(ctx.actor, moved), { notice: ctx.t('lead.stage_set', { id: leadRef(moved), stage: stageLabel(ctx, moved.stage) }), undo: true })], { replaceOriginal: true });
    });
  },
  [ACTIONS.leadWon]: async (ctx, value) => {
    const { id, from } = LEAD_VALUES.leadWon.read(value);
    return onLead(ctx, id, async (lead) => {
      if (from && from !== lead.stage) throw new AppError('conflict', 'stale card', { userMessage: { key: 'lead.changed_meanwhile', params: { id: leadRef(lead) } } });
      const w = await leads.markWon(ctx.actor, lead, null);
      return reply([leadCard(ctx, await getLeadView(ctx.actor, w), { notice: ctx.t('lead.won', { id: leadRef(w) }), undo: true })], { replaceOriginal: true });
    });
  },
  [ACTIONS.leadAssignMe]: (ctx, value) =>
    onLead(ctx, value, async () => ({ ...(await assignReply(ctx, { id: value }, { id: ctx.actor.member.platformUserId, name: '' })), replaceOriginal: true })),
  [ACTIONS.leadOpen]: async (ctx, value) => reply([leadCard(ctx, await getLeadView(ctx.actor, await leads.getLeadById(ctx.actor, value)))]),
  [ACTIONS.leadCreateAnyway]: async (ctx, value) => {
    const created = await leads.createFromDraft(ctx.actor, value);
    // Created despite a duplicate warning: the pairs go to `/crm duplicates` (the daily scan finds them if this fails).
    if (created.kind === 'created') await recordCreatedAnyway(ctx.actor, created.lead).catch((err: unknown) => ctx.log.error({ err }, 'duplicate pairs not recorded'));
    return { ...(await createdReply(ctx, created)), replaceOriginal: true };
  },
  [ACTIONS.leadPage]: async (ctx, value) => {
    let ref: PageRef;
    try {
      ref = pageRef.parse(JSON.parse(value)) as PageRef;
    } catch {
      throw new AppError('invalid_input', 'bad page value', { userMessage: { key: 'error.internal' } });
    }
    return { ...(await listReply(ctx, ref)), replaceOriginal: true };
  },
  [ACTIONS.leadFollowUp]: async (ctx, value) => {
    const lead = await leads.getLeadById(ctx.actor, value);
    // An old card's button on a lead closed since: refuse now, not after the time is typed.
    leads.assertFollowUpAllowed(lead);
    return reply([], {
      form: simpleForm(ctx, FORMS.leadFollowUp, ctx.t('form.followup.title'), value, [
        { id: 'when', label: ctx.t('form.followup.when', { id: leadRef(lead) }), kind: 'text', placeholder: ctx.t('form.next_placeholder') },
      ], `/lead next ${leadRef(lead)} ${ctx.t('form.next_placeholder')}`),
    });
  },
  [ACTIONS.leadReassign]: async (ctx, value) => {
    const lead = await leads.getLeadById(ctx.actor, value);
    return reply([], {
      form: simpleForm(ctx, FORMS.leadReassign, ctx.t('form.reassign.title'), value, [
        { id: 'owner', label: ctx.t('form.reassign.owner', { id: leadRef(lead) }), kind: 'user' },
      ], `/lead assign ${leadRef(lead)} @userid`),
    });
  },
  [ACTIONS.leadLog]: async (ctx, value) => reply([], { form: logForm(ctx, { lead: await leads.getLeadById(ctx.actor, value) }) }),
  [ACTIONS.leadHistory]: async (ctx, value) => {
    const { id, page } = LEAD_VALUES.leadHistory.read(value);
    return historyReply(ctx, await leads.getLeadById(ctx.actor, id), page);
  },
  [ACTIONS.ticketClaim]: async (ctx, value) => claimReply(ctx, await tickets.getTicketById(ctx.actor, value)),
  [ACTIONS.ticketReopen]: async (ctx, value) => {
    const t = await tickets.getTicketById(ctx.actor, value);
    // Check now, not after the reason is typed; then ask why (the reason goes into its history).
    if (t.status !== 'resolved') throw userError('conflict', 'ticket.not_resolved', { id: tickets.ticketRef(t) });
    if (!tickets.mayFollowUp(ctx.actor.member, t)) throw userError('forbidden', 'ticket.support_only');
    const ref = tickets.ticketRef(t);
    return reply([], {
      form: simpleForm(ctx, FORMS.ticketReopen, ctx.t('ticket.form.reopen_title'), value, [
        { id: 'reason', label: ctx.t('ticket.form.reopen_reason', { id: ref }), kind: 'multiline' },
      ], `/ticket reopen ${ref} ${ctx.t('ticket.form.reopen_example')}`),
    });
  },
  [ACTIONS.ticketEscalate]: async (ctx, value) => escalateReply(ctx, await tickets.getTicketById(ctx.actor, value)),
  [ACTIONS.ticketResolve]: async (ctx, value) => {
    const t = await tickets.getTicketById(ctx.actor, value);
    // Check now, not after the note is typed: an old card acts on the ticket as it is now.
    if (t.status === 'resolved') throw userError('conflict', 'ticket.already_resolved', { id: tickets.ticketRef(t) });
    if (!tickets.worksTickets(ctx.actor.member)) throw userError('forbidden', 'ticket.support_only');
    const ref = tickets.ticketRef(t);
    return reply([], {
      form: simpleForm(ctx, FORMS.ticketResolve, ctx.t('ticket.form.resolve_title'), value, [
        { id: 'note', label: ctx.t('ticket.form.resolution', { id: ref }), kind: 'multiline' },
      ], `/ticket resolve ${ref} ${ctx.t('ticket.form.resolution_example')}`),
    });
  },
  [ACTIONS.ticketReassign]: async (ctx, value) => {
    const t = await tickets.getTicketById(ctx.actor, value);
    if (!tickets.worksTickets(ctx.actor.member)) throw userError('forbidden', 'ticket.support_only');
    const ref = tickets.ticketRef(t);
    // Only support agents can take a ticket, so the form offers exactly them.
    const agents = (await tickets.supportAgents(ctx.actor)).slice(0, 100).map((m) => ({ value: m.platformUserId, label: memberName(m) }));
    return reply([], {
      form: simpleForm(ctx, FORMS.ticketReassign, ctx.t('ticket.form.reassign_title'), value, [
        { id: 'assignee', label: ctx.t('ticket.form.assignee', { id: ref }), kind: 'select', options: agents },
      ], `/ticket assign ${ref} @userid`),
    });
  },
  [ACTIONS.ticketPage]: async (ctx, value) => {
    const { filter, page } = TICKET_VALUES.ticketPage.read(value);
    return { ...(await ticketListReply(ctx, filter, page)), replaceOriginal: true };
  },
  [ACTIONS.leadLost]: async (ctx, value) => {
    const lead = await leads.getLeadById(ctx.actor, value);
    return reply([], {
      form: simpleForm(ctx, FORMS.leadLost, ctx.t('form.lost.title'), value, [
        { id: 'reason', label: ctx.t('form.lost.reason', { id: leadRef(lead) }), kind: 'multiline' },
      ], `/lead lost ${leadRef(lead)} ${ctx.t('form.lost.example_reason')}`),
    });
  },
};
