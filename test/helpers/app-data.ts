import type { HydratedDocument, Types } from 'mongoose';
import { workspacesRepo } from '../../src/modules/workspaces/workspaces.repo';
import { membersRepo } from '../../src/modules/workspaces/members.repo';
import { leadsRepo } from '../../src/modules/leads/leads.repo';
import { ticketsRepo } from '../../src/modules/tickets/tickets.repo';
import { interactionsRepo } from '../../src/modules/leads/interactions.repo';
import { auditRepo } from '../../src/platform/audit/audit.repo';
import { outboxRepo } from '../../src/platform/outbox/outbox.repo';
import { messageCopiesRepo } from '../../src/platform/copies/message-copies.repo';

/**
 * What the app holds, read through its own repositories (never through the mongoose models), so a
 * schema change breaks the repository, not every test. Each test file has its own database, so these
 * read across all of its workspaces. Results are plain objects.
 */

const ALL = 100_000;
type Id = Types.ObjectId;

/** Outbox rows are still mongoose documents; the entity repos already return plain objects. */
const plain = <T>(d: HydratedDocument<T>) => d.toObject() as T & { _id: Id };

export async function workspaces() {
  return workspacesRepo.all();
}

export async function workspaceOf(platform: 'slack' | 'wecom' | 'sandbox', externalId?: string) {
  return (await workspaces()).find((w) => w.platform === platform && (externalId === undefined || w.externalId === externalId));
}

async function each<T>(read: (workspaceId: Id) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (const w of await workspacesRepo.all()) out.push(...(await read(w._id)));
  return out;
}

/** Every lead not deleted, in every workspace, oldest (lowest number) first. */
export async function leads() {
  const rows = await each(async (ws) => leadsRepo.list(ws, {}, 0, ALL));
  return rows.sort((a, b) => a.seq - b.seq);
}

export const leadByCompany = async (company: string) => (await leads()).find((l) => l.company === company);
export const leadCount = async (company?: string | RegExp) => (await leads()).filter((l) => company === undefined || (typeof company === 'string' ? l.company === company : company.test(l.company))).length;

/** The lead with this number (deleted or not), in the only workspace that has one. */
export async function leadBySeq(seq: number | string) {
  const n = typeof seq === 'string' ? Number(seq.replace(/^L-/, '')) : seq;
  const found = await each(async (ws) => {
    const l = await leadsRepo.bySeq(ws, n);
    return l ? [l] : [];
  });
  return found[0];
}

export async function heldKeys(lead: { workspaceId: Id; _id: Id }) {
  return leadsRepo.heldKeys(lead.workspaceId, lead._id);
}

export async function tickets() {
  const rows = await each(async (ws) => ticketsRepo.list(ws, {}, 0, ALL));
  return rows.sort((a, b) => a.seq - b.seq);
}

/** The ticket a reply called `T-<n>`. */
export async function ticketByRef(ref: string) {
  const n = Number(ref.replace(/^T-/, ''));
  return (await tickets()).find((t) => t.seq === n);
}

export async function ticketClaims(t: { workspaceId: Id; _id: Id }) {
  return ticketsRepo.claims(t.workspaceId, t._id);
}

export async function members() {
  return each(async (ws) => membersRepo.all(ws));
}

export const memberByUser = async (platformUserId: string) => (await members()).find((m) => m.platformUserId === platformUserId);

export async function interactions() {
  return each((ws) => interactionsRepo.all(ws));
}

export const interactionsOf = async (lead: { _id: Id }) => (await interactions()).filter((i) => i.leadId.equals(lead._id));

/** An entity's audit trail, oldest first. */
export async function auditOf(entity: { workspaceId: Id; _id: Id }, kind = 'lead') {
  const rows = await auditRepo.forEntity(entity.workspaceId, kind, entity._id);
  // Events of the same millisecond in the order they were written.
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime() || String(a._id).localeCompare(String(b._id)));
}

/** Every workspace's audit events, or those with one of `actions`, oldest first within a workspace. */
export async function auditActions(...actions: string[]) {
  return each((ws) => auditRepo.trail(ws, actions.length ? actions : undefined));
}

/** Every outbox row in every workspace, oldest first. */
export async function outbox() {
  return each(async (ws) => (await outboxRepo.list(ws)).map(plain));
}

export async function outboxWhere(match: (row: Awaited<ReturnType<typeof outbox>>[number]) => boolean) {
  return (await outbox()).filter(match);
}

/** The first of a list read (or undefined), for a test that expects exactly one. */
export const firstOf = async <T>(rows: Promise<T[]>): Promise<T | undefined> => (await rows)[0];
export const countOf = async <T>(rows: Promise<T[]>): Promise<number> => (await rows).length;

export async function leadById(id: Id) {
  const found = await each(async (ws) => {
    const l = await leadsRepo.byId(ws, id);
    return l ? [l] : [];
  });
  return found[0];
}

/** An entity's audit events with one of `actions`, oldest first. */
export async function auditOfAction(entity: { workspaceId: Id; _id: Id }, kind: string, ...actions: string[]) {
  return (await auditOf(entity, kind)).filter((e) => actions.includes(e.action));
}

/** Where an entity's card was posted on a platform (channel and message reference), oldest first. */
export async function copiesOf(entity: { workspaceId: Id; _id: Id }, kind: string, platform: string) {
  return messageCopiesRepo.list({ workspaceId: String(entity.workspaceId), entityKind: kind, entityId: String(entity._id), platform });
}
