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

// One row per used draft: the unique index lets exactly one of two simultaneous "Create anyway"
// clicks take it, even where findOneAndUpdate is not atomic (FerretDB on SQLite).
const draftUseSchema = new Schema({
  draftId: { type: Schema.Types.ObjectId, required: true },
  at: { type: Date, required: true },
});
draftUseSchema.index({ draftId: 1 }, { unique: true });

export const DraftUseModel = model('DraftUse', draftUseSchema);
