import type { Types } from 'mongoose';
import { LeadModel, InteractionModel } from '../leads';
import { AuditEventModel } from '../../platform/audit/audit-event.model';
import { TicketModel } from '../tickets';

// The weekly digest's queries: each reads the week's changes through an index, or lets the database
// count and sum (the pipeline, completeness); none loads a workspace's whole lead list.

export interface Window {
  from: Date;
  to: Date;
}

const inWindow = (w: Window) => ({ $gte: w.from, $lt: w.to });
// Soft-deleted leads count nowhere.
const owners = (ownerIds?: Types.ObjectId[]) => ({ deletedAt: null, ...(ownerIds ? { ownerId: { $in: ownerIds } } : {}) });

export const STAGE_ACTIONS = ['lead.stage', 'lead.won', 'lead.lost', 'lead.reopen'];

export const digestRepo = {
  async newLeads(workspaceId: Types.ObjectId, w: Window, ownerIds?: Types.ObjectId[]): Promise<number> {
    return LeadModel.countDocuments({ workspaceId, createdAt: inWindow(w), ...owners(ownerIds) });
  },

  /** Stage changes in the window (not those taken back with /undo): the lead, from (and owner at the time), to. */
  async stageMoves(workspaceId: Types.ObjectId, w: Window) {
    const rows = await AuditEventModel.find({ workspaceId, action: { $in: STAGE_ACTIONS }, at: inWindow(w), undoneAt: null }, { entityId: 1, before: 1, after: 1, at: 1 }).sort({ at: 1 }).lean();
    return rows.map((r) => {
      const before = (r.before ?? {}) as { stage?: string; ownerId?: unknown };
      const after = (r.after ?? {}) as { stage?: string };
      return { leadId: r.entityId, from: String(before.stage ?? ''), to: String(after.stage ?? ''), ownerId: before.ownerId ? String(before.ownerId) : '' };
    });
  },

  async leadsByIds(workspaceId: Types.ObjectId, ids: unknown[]) {
    return LeadModel.find({ workspaceId, deletedAt: null, _id: { $in: ids } }, { value: 1, currency: 1, stage: 1, ownerId: 1 }).lean();
  },

  /** Open leads per stage and currency: how many, and their summed value (counted by the database). */
  async pipeline(workspaceId: Types.ObjectId, openStages: string[], ownerIds?: Types.ObjectId[]) {
    type Row = { _id: { stage: string; currency: string | null }; n: number };
    const group = (n: { $sum: 1 | string }) => LeadModel.aggregate<Row>([
      { $match: { workspaceId, stage: { $in: openStages }, ...owners(ownerIds) } },
      { $group: { _id: { stage: '$stage', currency: '$currency' }, n } },
    ]);
    // Two passes: FerretDB 1.24 gets only the first of several $sum accumulators in one $group right.
    const [counts, sums] = await Promise.all([group({ $sum: 1 }), group({ $sum: '$value' })]);
    const sumOf = (id: Row['_id']) => sums.find((r) => r._id.stage === id.stage && (r._id.currency ?? null) === (id.currency ?? null))?.n ?? 0;
    return counts.map((r) => ({ stage: r._id.stage, currency: r._id.currency ?? null, count: r.n, value: sumOf(r._id) }));
  },

  async countOpen(workspaceId: Types.ObjectId, openStages: string[], extra: Record<string, unknown>, ownerIds?: Types.ObjectId[]): Promise<number> {
    return LeadModel.countDocuments({ workspaceId, stage: { $in: openStages }, ...owners(ownerIds), ...extra });
  },

  /** Interactions in the window per author (counted by the database). */
  async interactionsPerAuthor(workspaceId: Types.ObjectId, w: Window, authorIds?: Types.ObjectId[]) {
    const rows = await InteractionModel.aggregate<{ _id: Types.ObjectId; count: number }>([
      { $match: { workspaceId, at: inWindow(w), ...(authorIds ? { authorId: { $in: authorIds } } : {}) } },
      { $group: { _id: '$authorId', count: { $sum: 1 } } },
    ]);
    return rows.map((r) => ({ authorId: r._id, count: r.count }));
  },

  async ticketsOpened(workspaceId: Types.ObjectId, w: Window): Promise<number> {
    return TicketModel.countDocuments({ workspaceId, createdAt: inWindow(w) });
  },

  async ticketsResolved(workspaceId: Types.ObjectId, w: Window): Promise<number> {
    return TicketModel.countDocuments({ workspaceId, resolvedAt: inWindow(w) });
  },

  /** Tickets with a target that fell due in the window, with what is needed to tell if it was met. */
  async ticketsDue(workspaceId: Types.ObjectId, w: Window) {
    return TicketModel.find(
      { workspaceId, $or: [{ firstResponseDueAt: inWindow(w) }, { resolutionDueAt: inWindow(w) }] },
      { firstResponseDueAt: 1, resolutionDueAt: 1, claimedAt: 1, resolvedAt: 1 },
    ).lean();
  },
};
