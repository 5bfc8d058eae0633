import type { Types } from 'mongoose';
import { InteractionModel, type Interaction } from './interaction.model';

export const interactionsRepo = {
  async add(workspaceId: Types.ObjectId, i: { leadId: Types.ObjectId; kind: Interaction['kind']; text: string; authorId: Types.ObjectId; at: Date }) {
    return InteractionModel.create({ workspaceId, ...i });
  },

  async latest(workspaceId: Types.ObjectId, leadId: Types.ObjectId, limit: number) {
    return InteractionModel.find({ workspaceId, leadId }).sort({ at: -1, _id: -1 }).limit(limit).lean();
  },
};
