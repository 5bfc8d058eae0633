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
