import type { Actor } from '../workspaces';
import type { TicketEntity } from './ticket.model';
import type { TicketFacts, TicketView } from './ticket.cards';
import { leadSummary, membersById } from '../leads';

/** The ticket as the card shows it: plain data, no document. */
export function ticketFacts(t: TicketEntity): TicketFacts {
  return {
    id: String(t._id),
    seq: t.seq,
    subject: t.subject,
    description: t.description ?? '',
    priority: t.priority,
    status: t.status,
    escalated: Boolean(t.escalated),
    createdById: String(t.createdById),
    firstResponseDueAt: t.firstResponseDueAt,
    resolutionDueAt: t.resolutionDueAt,
    claimedAt: t.claimedAt ?? null,
    resolvedAt: t.resolvedAt ?? null,
    updatedAt: t.updatedAt,
    resolution: t.resolution ?? '',
  };
}

/** What the ticket card shows: the ticket, who opened it, who has it, and the lead it is about. */
export async function getTicketView(actor: Actor, t: TicketEntity): Promise<TicketView> {
  const [people, lead] = await Promise.all([membersById(actor, [t.createdById, t.assigneeId].filter(Boolean)), t.leadId ? leadSummary(actor, t.leadId) : null]);
  return {
    ticket: ticketFacts(t),
    openedBy: people.get(String(t.createdById)) ?? null,
    assignee: t.assigneeId ? (people.get(String(t.assigneeId)) ?? null) : null,
    lead,
  };
}
