import { Schema, model } from 'mongoose';

// One row per normalised identity key (email, phone, company+contact). The unique index is the
// concurrency guard that lets exactly one of many simultaneous identical `/lead add` requests win.
const leadKeySchema = new Schema({
  workspaceId: { type: Schema.Types.ObjectId, required: true },
  key: { type: String, required: true },
  leadId: { type: Schema.Types.ObjectId, required: true },
  createdAt: { type: Date, default: () => new Date() },
});
leadKeySchema.index({ workspaceId: 1, key: 1 }, { unique: true });
leadKeySchema.index({ workspaceId: 1, leadId: 1 });

export const LeadKeyModel = model('LeadKey', leadKeySchema);
