import { Schema, model } from 'mongoose';

// One row per change made from a given state of a lead or ticket (its `rev` as read), or per used
// "Create anyway" draft (its only state): the unique
// index lets exactly one of several simultaneous changes from the same state through, even where
// conditional updates are not atomic (FerretDB on SQLite, seen under load: two "moved to Contacted"
// from one burst of clicks).
const changeSchema = new Schema({
  workspaceId: { type: Schema.Types.ObjectId, required: true },
  entityId: { type: Schema.Types.ObjectId, required: true },
  basis: { type: Number, required: true },
  at: { type: Date, required: true },
});
changeSchema.index({ entityId: 1, basis: 1 }, { unique: true });

export const ChangeModel = model('Change', changeSchema);
