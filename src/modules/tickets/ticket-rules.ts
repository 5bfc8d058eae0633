// Pure ticket rules shared by the service, the cards and the commands (no I/O here).
import { humanId } from '../../platform/ids/human-id';

// One list of priorities, declared beside the SLA settings that have a target for each.
export { PRIORITIES, type Priority } from './ticket-priority';

/** A ticket as people name it: `T-57` (from the ticket or its number). */
export function ticketRef(t: { seq: number } | number): string {
  return humanId('T', typeof t === 'number' ? t : t.seq);
}

/** Support staff, managers and admins work the queue; reps open tickets and follow their own. */
export function worksTickets(m: { role: string }): boolean {
  return m.role === 'support' || m.role === 'manager' || m.role === 'admin';
}

/** Reopen and Escalate: support staff, and whoever opened the ticket. */
export function mayFollowUp(m: { role: string; _id: unknown }, t: { createdById: unknown }): boolean {
  return worksTickets(m) || String(t.createdById) === String(m._id);
}
