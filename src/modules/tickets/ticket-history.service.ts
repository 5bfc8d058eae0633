import type { TicketEntity } from './ticket.model';
import { auditRepo } from '../../platform/audit/audit.repo';
import { membersRepo, type Actor, wsId, memberName } from '../workspaces';
import { getTicket } from './tickets.service';

export interface TicketHistoryEntry {
  at: Date;
  who: string;
  /** The audit action without its "ticket." prefix: create, claim, resolve, reopen, escalate, reassign, … */
  action: string;
  /** What the step said: the resolution note, the reason to reopen, the new assignee's name. */
  detail: string;
}

const text = (v: unknown, key: string): string => {
  const x = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return typeof x === 'string' ? x : '';
};

/** Every step of a ticket, oldest first, from its audit trail (resolution notes survive a reopen there). */
export async function ticketHistory(actor: Actor, ref: string): Promise<{ ticket: TicketEntity; entries: TicketHistoryEntry[] }> {
  const ticket = await getTicket(actor, ref);
  const events = await auditRepo.forEntity(wsId(actor), 'ticket', ticket._id);
  const ids = events.flatMap((e) => [e.actorId, (e.after as { assigneeId?: unknown } | null)?.assigneeId].filter(Boolean));
  const people = new Map((await membersRepo.byIds(wsId(actor), ids)).map((m) => [String(m._id), m]));
  const entries = events.map((e) => {
    const action = String(e.action).replace(/^ticket\./, '');
    let detail = '';
    if (action === 'resolve') detail = text(e.after, 'resolution');
    if (action === 'reopen') detail = text(e.after, 'reason');
    if (action === 'reassign') detail = memberName(people.get(String((e.after as { assigneeId?: unknown }).assigneeId)));
    const who = e.actorId ? memberName(people.get(String(e.actorId))) : '';
    return { at: e.at as Date, who, action, detail };
  });
  return { ticket, entries };
}
