import { Schema, model } from 'mongoose';

// A lead the user was warned about as a possible duplicate; "Create anyway" refers to it by id,
// so button values stay small whatever the user typed.
const draftSchema = new Schema({
  workspaceId: { type: Schema.Types.ObjectId, required: true },
  memberId: { type: Schema.Types.ObjectId, required: true },
  data: { type: Schema.Types.Mixed, required: true },
  usedAt: { type: Date, default: null },
  createdAt: { type: Date, required: true },
});
draftSchema.index({ workspaceId: 1, memberId: 1, createdAt: -1 });

export const DraftModel = model('Draft', draftSchema);
