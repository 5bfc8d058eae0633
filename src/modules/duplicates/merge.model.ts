import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

// One row per merge of two leads: both leads as they were, what the survivor's fields became, and the
// exact interactions, tickets and identity keys moved off the loser, so an admin's unmerge puts back
// exactly that.
const mergeSchema = new Schema({
  workspaceId: { type: Schema.Types.ObjectId, required: true },
  survivorId: { type: Schema.Types.ObjectId, required: true },
  loserId: { type: Schema.Types.ObjectId, required: true },
  byId: { type: Schema.Types.ObjectId, required: true },
  at: { type: Date, required: true },
  survivorBefore: { type: Schema.Types.Mixed, default: {} },
  loserBefore: { type: Schema.Types.Mixed, default: {} },
  /** The fields the merge set on the survivor (their old values are in survivorBefore). */
  survivorSet: { type: Schema.Types.Mixed, default: {} },
  interactionIds: { type: [Schema.Types.ObjectId], default: [] },
  ticketIds: { type: [Schema.Types.ObjectId], default: [] },
  keys: { type: [String], default: [] },
  undoneAt: { type: Date, default: null },
  undoneById: { type: Schema.Types.ObjectId, default: null },
}, { minimize: false });
mergeSchema.index({ workspaceId: 1, loserId: 1, at: -1 });
mergeSchema.index({ workspaceId: 1, survivorId: 1 });

export type Merge = InferSchemaType<typeof mergeSchema>;
export type MergeEntity = Merge & { _id: Types.ObjectId };
export const MergeModel = model('Merge', mergeSchema);
