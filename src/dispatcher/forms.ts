import { reply, type Reply } from '../platform/cards/card';
import * as leads from '../modules/leads';
import { validateLead, emptyRaw, assignReply, createdReply, nextReply, leadCard, leadRef, getLeadById, getLeadView, leadEditForms } from '../modules/leads';
import { AppError } from '../platform/errors';
import { FORMS, LEAD_SEARCH_FIELD } from './constants';
import type { Ctx } from './types';
import * as tickets from '../modules/tickets';
import { logFormReply } from '../modules/interactions';
import { openedReply, reassignReply, reopenReply, resolveReply } from '../modules/tickets';

type FormHandler = (ctx: Ctx, values: Record<string, string>, metadata: string) => Promise<Reply>;

/** A ticket form with one text field (a resolution note, a reopen reason); a refusal stays on that field. */
function ticketTextForm(field: string, run: (ctx: Ctx, t: tickets.TicketEntity, text: string) => Promise<Reply>) {
  return async (ctx: Ctx, v: Record<string, string>, ticketId: string): Promise<Reply> => {
    const t = await tickets.getTicketById(ctx.actor, ticketId);
    try {
      return await run(ctx, t, v[field] ?? '');
    } catch (err) {
      return fieldError(ctx, field, err);
    }
  };
}

/**
 * A refused submission keeps the form open: each message goes under the field the use case named
 * (`err.fields`, renamed to this form's field ids by `rename`); an error naming no field goes under `fallback`.
 */
function fieldError(ctx: Ctx, fallback: string, err: unknown, rename: Record<string, string> = {}): Reply {
  if (!(err instanceof AppError) || err.code === 'internal' || err.code === 'db_unavailable') throw err;
  const named = Object.entries(err.fields ?? {});
  if (!named.length) return reply([], { formErrors: { [fallback]: ctx.t(err.userMessage.key, err.userMessage.params) } });
  const formErrors: Record<string, string> = {};
  for (const [field, m] of named) formErrors[rename[field] ?? field] ??= ctx.t(m.key, m.params);
  return reply([], { formErrors });
}

export const formHandlers: Record<string, FormHandler> = {
  ...leadEditForms,
  [FORMS.leadAdd]: async (ctx, v) => {
    const raw = emptyRaw();
    raw.company = v.company ?? '';
    raw.contact = v.contact ?? '';
    raw.phones = v.phone ? [v.phone] : [];
    raw.emails = v.email ? [v.email] : [];
    raw.source = v.source ?? '';
    raw.value = v.value ?? '';
    raw.next = v.next ?? '';
    raw.notes = v.note ? [v.note] : [];
    raw.tags = (v.tags ?? '').split(/[\s,，#]+/).filter(Boolean);
    const { input, issues } = validateLead(raw, { region: ctx.region, timeZone: ctx.timeZone, now: ctx.actor.now() });
    if (!input) {
      const formErrors: Record<string, string> = {};
      for (const i of issues) formErrors[i.field] ??= ctx.t(i.key, i.params);
      return reply([], { formErrors });
    }
    return createdReply(ctx, await leads.createLead(ctx.actor, input));
  },
  [FORMS.leadFollowUp]: async (ctx, v, leadId) => {
    const lead = await leads.getLeadById(ctx.actor, leadId);
    try {
      return await nextReply(ctx, lead, v.when ?? '');
    } catch (err) {
      return fieldError(ctx, 'when', err, { at: 'when', what: 'when' });
    }
  },
  [FORMS.leadReassign]: async (ctx, v, leadId) => {
    if (!v.owner) return reply([], { formErrors: { owner: ctx.t('form.required') } });
    return assignReply(ctx, { id: leadId }, { id: v.owner, name: '' });
  },
  [FORMS.log]: async (ctx, v, meta) => {
    try {
      return await logFormReply(ctx, v, meta);
    } catch (err) {
      return fieldError(ctx, 'text', err);
    }
  },
  [FORMS.ticketNew]: async (ctx, v) => {
    try {
      const lead = v[LEAD_SEARCH_FIELD] ? await getLeadById(ctx.actor, v[LEAD_SEARCH_FIELD]) : null;
      const priority = tickets.PRIORITIES.find((p) => p === v.priority) ?? 'normal';
      const t = await tickets.createTicket(ctx.actor, { subject: v.subject ?? '', description: v.description ?? '', priority, leadId: lead?._id ?? null });
      return await openedReply(ctx, t);
    } catch (err) {
      return fieldError(ctx, 'subject', err);
    }
  },
  [FORMS.ticketResolve]: ticketTextForm('note', resolveReply),
  [FORMS.ticketReopen]: ticketTextForm('reason', reopenReply),
  [FORMS.ticketReassign]: async (ctx, v, ticketId) => {
    if (!v.assignee) return reply([], { formErrors: { assignee: ctx.t('form.required') } });
    const t = await tickets.getTicketById(ctx.actor, ticketId);
    try {
      return await reassignReply(ctx, t, { id: v.assignee, name: '' });
    } catch (err) {
      return fieldError(ctx, 'assignee', err, { to: 'assignee' });
    }
  },
  [FORMS.leadLost]: async (ctx, v, leadId) => {
    const lead = await leads.getLeadById(ctx.actor, leadId);
    try {
      const lost = await leads.markLost(ctx.actor, lead, v.reason ?? '');
      return reply([leadCard(ctx, await getLeadView(ctx.actor, lost), { notice: ctx.t('lead.lost', { id: leadRef(lost) }), undo: true })]);
    } catch (err) {
      return fieldError(ctx, 'reason', err);
    }
  },
};
