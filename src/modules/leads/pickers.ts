import type { Form, FormOption } from '../../platform/cards/card';
import { findLeads, getLead } from './leads.service';
import { PRIORITIES } from '../tickets/tickets.service';
import { normalizeEmail, normalizePhone } from './normalize';
import type { MessageKey } from '../../platform/i18n';
import { FORMS, LEAD_SEARCH_FIELD } from '../../dispatcher/constants';
import type { Ctx } from '../../dispatcher/types';
import { leadRef } from './lead-ref';

const MAX_OPTIONS = 20;

/** Search-as-you-type choices for a lead field: leads the caller may see, by id, company, contact, email or phone. */
export async function leadOptions(ctx: Ctx, query: string): Promise<FormOption[]> {
  const q = query.trim().slice(0, 100);
  if (!q) return [];
  if (/^L-?\d+$/i.test(q)) {
    const lead = await getLead(ctx.actor, q).catch(() => null);
    return lead ? [{ value: String(lead._id), label: `${leadRef(lead)} · ${lead.company} · ${lead.contactName}`.slice(0, 75) }] : [];
  }
  const email = q.includes('@') ? normalizeEmail(q) : null;
  const phone = /\d{5,}/.test(q.replace(/\D/g, '')) ? normalizePhone(q, ctx.region) : null;
  const { leads } = await findLeads(ctx.actor, email ? { email } : phone ? { phone } : { text: q }, 1);
  return leads.slice(0, MAX_OPTIONS).map((l) => ({ value: String(l._id), label: `${leadRef(l)} · ${l.company} · ${l.contactName}`.slice(0, 75) }));
}

/** "Open ticket" from a message: the message becomes the description. */
export function ticketForm(ctx: Ctx, messageText: string): Form {
  const subject = messageText.split('\n')[0].slice(0, 80);
  return {
    id: FORMS.ticketNew,
    title: ctx.t('ticket.form.new_title'),
    submitLabel: ctx.t('form.save'),
    closeLabel: ctx.t('form.cancel'),
    metadata: '',
    example: `/ticket new L-12 ${ctx.t('ticket.form.subject_example')} priority: high`,
    fields: [
      { id: 'subject', label: ctx.t('ticket.form.subject'), kind: 'text', initial: subject },
      { id: 'description', label: ctx.t('ticket.form.description'), kind: 'multiline', initial: messageText.slice(0, 3000), optional: true },
      { id: 'priority', label: ctx.t('ticket.field.priority'), kind: 'select', initial: 'normal', options: PRIORITIES.map((p) => ({ value: p, label: ctx.t(`ticket.priority.${p}` as MessageKey) })) },
      { id: LEAD_SEARCH_FIELD, label: ctx.t('log.field.lead'), kind: 'lead', optional: true },
    ],
  };
}
