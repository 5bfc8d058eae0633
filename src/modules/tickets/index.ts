// What other modules may use from tickets.
export * from './ticket-form.cards';
export * from './ticket.cards';
export * from './ticket.commands';
export * from './ticket.ids';
export { TICKET_STATUSES, type Ticket, type TicketEntity } from './ticket.model';
export * from './tickets.service';
export * from './ticket-rules';
export * from './ticket-view.service';

// Store-level access other modules still use directly; each is to become a use case of this module
// (digest.repo aggregates over the model; follow-ups' nudges read the repo).
export { TicketModel } from './ticket.model';
export { ticketsRepo } from './tickets.repo';
export { ticketsMessages } from './tickets.messages';
