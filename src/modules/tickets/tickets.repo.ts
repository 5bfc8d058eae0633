import type { Types } from 'mongoose';
import { plainMany, plainOne } from '../../platform/db/plain';
import { TicketModel, type Ticket, type TicketEntity } from './ticket.model';
import { TicketClaimModel } from './ticket-claim.model';
import { isDuplicateKeyError } from '../../platform/db/db-errors';

export interface TicketQuery {
  status?: Ticket['status'][];
  assigneeId?: Types.ObjectId | null;
  leadId?: Types.ObjectId;
  /** Reps: tickets they opened or on leads they own. */
  visibleTo?: { memberId: Types.ObjectId; leadIds: Types.ObjectId[] };
}

function toFilter(workspaceId: Types.ObjectId, q: TicketQuery): Record<string, unknown> {
  const f: Record<string, unknown> = { workspaceId };
  if (q.status) f.status = { $in: q.status };
  if (q.assigneeId !== undefined) f.assigneeId = q.assigneeId;
  if (q.leadId) f.leadId = q.leadId;
  if (q.visibleTo) f.$or = [{ createdById: q.visibleTo.memberId }, { leadId: { $in: q.visibleTo.leadIds } }];
  return f;
}

export const ticketsRepo = {
  async create(workspaceId: Types.ObjectId, data: Partial<Ticket> & Pick<Ticket, 'seq' | 'subject' | 'createdById' | 'firstResponseDueAt' | 'resolutionDueAt'>): Promise<TicketEntity> {
    return (await TicketModel.create({ ...data, workspaceId })).toObject() as TicketEntity;
  },

  async bySeq(workspaceId: Types.ObjectId, seq: number): Promise<TicketEntity | null> {
    return plainOne<TicketEntity>(await TicketModel.findOne({ workspaceId, seq }));
  },

  async byId(workspaceId: Types.ObjectId, id: unknown): Promise<TicketEntity | null> {
    return plainOne<TicketEntity>(await TicketModel.findOne({ workspaceId, _id: id }));
  },

  /**
   * One atomic conditional update: applies `set` only while the ticket still matches `expect`
   * (e.g. status open for a claim), so of many simultaneous clicks exactly one wins.
   */
  async transition(workspaceId: Types.ObjectId, id: Types.ObjectId, expect: Record<string, unknown>, set: Record<string, unknown>): Promise<TicketEntity | null> {
    return plainOne<TicketEntity>(await TicketModel.findOneAndUpdate({ workspaceId, _id: id, ...expect }, { $set: set, $inc: { rev: 1 } }, { returnDocument: 'after' }));
  },

  /** Takes the ticket's claim for this round; true for exactly one caller, however many race. */
  async reserveClaim(workspaceId: Types.ObjectId, ticketId: Types.ObjectId, round: number, memberId: Types.ObjectId): Promise<boolean> {
    try {
      await TicketClaimModel.create({ workspaceId, ticketId, round, memberId, at: new Date() });
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  },

  /**
   * Drops this round's claim row if it was written before `before`: a claim that never reached the
   * ticket (the process died between the two writes). True when a row was dropped.
   */
  async dropStaleClaim(workspaceId: Types.ObjectId, ticketId: Types.ObjectId, round: number, before: Date): Promise<boolean> {
    const res = await TicketClaimModel.deleteOne({ workspaceId, ticketId, round, at: { $lt: before } });
    return res.deletedCount === 1;
  },

  /** Who holds the claim of this round (null when nobody). */
  async claimHolder(workspaceId: Types.ObjectId, ticketId: Types.ObjectId, round: number): Promise<Types.ObjectId | null> {
    const c = await TicketClaimModel.findOne({ workspaceId, ticketId, round }).lean();
    return c ? c.memberId : null;
  },

  async releaseClaim(workspaceId: Types.ObjectId, ticketId: Types.ObjectId, round: number, memberId: Types.ObjectId): Promise<void> {
    await TicketClaimModel.deleteOne({ workspaceId, ticketId, round, memberId });
  },

  /** Unclaimed tickets past their first-response target, not chased yet this round. */
  async missedClaim(workspaceId: Types.ObjectId, now: Date, limit: number): Promise<TicketEntity[]> {
    return plainMany<TicketEntity>(await TicketModel.find({ workspaceId, status: 'open', firstResponseDueAt: { $lte: now }, slaClaimAlerted: { $ne: true } }).limit(limit));
  },

  /** Unresolved tickets past their resolution target, not chased yet this round. */
  async missedResolution(workspaceId: Types.ObjectId, now: Date, limit: number): Promise<TicketEntity[]> {
    return plainMany<TicketEntity>(await TicketModel.find({ workspaceId, status: { $in: ['open', 'claimed'] }, resolutionDueAt: { $lte: now }, slaResolveAlerted: { $ne: true } }).limit(limit));
  },

  /** Moves every ticket of lead `from` to lead `to` (a merge); returns the ids moved. */
  async moveToLead(workspaceId: Types.ObjectId, from: Types.ObjectId, to: Types.ObjectId): Promise<Types.ObjectId[]> {
    const ids = (await TicketModel.find({ workspaceId, leadId: from }, { _id: 1 }).lean()).map((r) => r._id);
    if (ids.length) await TicketModel.updateMany({ workspaceId, _id: { $in: ids } }, { $set: { leadId: to } });
    return ids;
  },

  /** Moves the tickets `ids` still on lead `from` back to lead `to` (an undone merge). */
  async moveBack(workspaceId: Types.ObjectId, ids: Types.ObjectId[], from: Types.ObjectId, to: Types.ObjectId): Promise<void> {
    if (ids.length) await TicketModel.updateMany({ workspaceId, _id: { $in: ids }, leadId: from }, { $set: { leadId: to } });
  },

  async count(workspaceId: Types.ObjectId, q: TicketQuery): Promise<number> {
    return TicketModel.countDocuments(toFilter(workspaceId, q));
  },

  async list(workspaceId: Types.ObjectId, q: TicketQuery, skip: number, limit: number): Promise<TicketEntity[]> {
    return plainMany<TicketEntity>(await TicketModel.find(toFilter(workspaceId, q)).sort({ createdAt: -1, _id: -1 }).skip(skip).limit(limit));
  },

  /** Every claim row of a ticket, all rounds (who holds or held it). */
  async claims(workspaceId: Types.ObjectId, ticketId: Types.ObjectId) {
    return TicketClaimModel.find({ workspaceId, ticketId }).sort({ round: 1 }).lean();
  },
};
