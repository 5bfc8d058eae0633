import type { Form } from '../../platform/cards/card';
import type { MessageKey } from '../../platform/i18n';
import type { Ctx } from '../workspaces';
import { LEAD_SEARCH_FIELD } from '../leads';
import { PRIORITIES } from './ticket-priority';
import { TICKET_FORMS } from './ticket.ids';

/** "Open ticket" from a message: the message becomes the description. */
export function ticketForm(ctx: Ctx, messageText: string): Form {
  const subject = messageText.split('\n')[0].slice(0, 80);
  return {
    id: TICKET_FORMS.ticketNew,
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
