import { z } from 'zod';
import { actionCodec } from '../../platform/cards/action-values';
// The ids the platforms see for ticket buttons and forms; the dispatcher assembles every module's into one registry.

export const TICKET_ACTIONS = {
  ticketClaim: 'ticket_claim',
  ticketResolve: 'ticket_resolve',
  ticketReopen: 'ticket_reopen',
  ticketEscalate: 'ticket_escalate',
  ticketReassign: 'ticket_reassign',
  ticketPage: 'ticket_page',
} as const;

export const TICKET_FORMS = {
  ticketNew: 'ticket_new_form',
  ticketResolve: 'ticket_resolve_form',
  ticketReopen: 'ticket_reopen_form',
  ticketReassign: 'ticket_reassign_form',
} as const;

export const TICKET_VALUES = {
  ticketPage: actionCodec(
    TICKET_ACTIONS.ticketPage,
    z.object({ filter: z.enum(['all', 'open', 'mine', 'unclaimed']).catch('open'), page: z.number().int().min(1).catch(1) }),
    ([filter, page]) => ({ filter, page: Number(page) }),
  ),
};
