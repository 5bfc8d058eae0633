import { Schema, model } from 'mongoose';

// One row per change made from a given state of a lead (its updatedAt): the unique index lets exactly
// one of several simultaneous changes from the same state through, even where conditional updates are
// not atomic (FerretDB on SQLite, seen under load: two "moved to Contacted" from one double click).
const leadChangeSchema = new Schema({
  workspaceId: { type: Schema.Types.ObjectId, required: true },
  leadId: { type: Schema.Types.ObjectId, required: true },
  basis: { type: Date, required: true },
  at: { type: Date, required: true },
});
leadChangeSchema.index({ leadId: 1, basis: 1 }, { unique: true });

export const LeadChangeModel = model('LeadChange', leadChangeSchema);
