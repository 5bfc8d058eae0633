import type { Types } from 'mongoose';
import { plainMany } from '../../platform/db/plain';
import { InteractionModel, type Interaction, type InteractionEntity } from './interaction.model';

export const interactionsRepo = {
  async add(
    workspaceId: Types.ObjectId,
    i: { leadId: Types.ObjectId; kind: Interaction['kind']; text: string; authorId: Types.ObjectId; at: Date; messageAuthor?: string; messageLink?: string },
  ): Promise<InteractionEntity> {
    return (await InteractionModel.create({ workspaceId, ...i })).toObject() as InteractionEntity;
  },

  /** Removes a logged interaction (its log was undone). */
  async remove(workspaceId: Types.ObjectId, id: unknown): Promise<void> {
    await InteractionModel.deleteOne({ workspaceId, _id: id });
  },

  async setTicket(workspaceId: Types.ObjectId, id: Types.ObjectId, ticketId: Types.ObjectId): Promise<void> {
    await InteractionModel.updateOne({ workspaceId, _id: id }, { $set: { ticketId } });
  },

  /** Moves every interaction of lead `from` to lead `to` (a merge); returns the ids moved. */
  async moveToLead(workspaceId: Types.ObjectId, from: Types.ObjectId, to: Types.ObjectId): Promise<Types.ObjectId[]> {
    const ids = (await InteractionModel.find({ workspaceId, leadId: from }, { _id: 1 }).lean()).map((r) => r._id);
    if (ids.length) await InteractionModel.updateMany({ workspaceId, _id: { $in: ids } }, { $set: { leadId: to } });
    return ids;
  },

  /** Moves the interactions `ids` still on lead `from` back to lead `to` (an undone merge). */
  async moveBack(workspaceId: Types.ObjectId, ids: Types.ObjectId[], from: Types.ObjectId, to: Types.ObjectId): Promise<void> {
    if (ids.length) await InteractionModel.updateMany({ workspaceId, _id: { $in: ids }, leadId: from }, { $set: { leadId: to } });
  },

  async count(workspaceId: Types.ObjectId, leadId: Types.ObjectId): Promise<number> {
    return InteractionModel.countDocuments({ workspaceId, leadId });
  },

  async page(workspaceId: Types.ObjectId, leadId: Types.ObjectId, skip: number, limit: number): Promise<InteractionEntity[]> {
    return plainMany<InteractionEntity>(await InteractionModel.find({ workspaceId, leadId }).sort({ at: -1, _id: -1 }).skip(skip).limit(limit));
  },

  async latest(workspaceId: Types.ObjectId, leadId: Types.ObjectId, limit: number): Promise<InteractionEntity[]> {
    return plainMany<InteractionEntity>(await InteractionModel.find({ workspaceId, leadId }).sort({ at: -1, _id: -1 }).limit(limit));
  },

  /** Every interaction in a workspace, oldest first (whatever lead or ticket it belongs to). */
  async all(workspaceId: Types.ObjectId) {
    return InteractionModel.find({ workspaceId }).sort({ at: 1, _id: 1 }).lean();
  },
};
