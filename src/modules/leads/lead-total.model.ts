import { Schema, model, type InferSchemaType } from 'mongoose';

// A maintained summary of the leads: one row per workspace, owner, stage and currency ('' = none),
// with how many there are, their summed value, how many have each detail the digest's completeness
// line counts, and how many last saw activity on each day (`days`: day number -> count; stale figures).
// Written by lead-totals.repo on every lead change; rebuilt from the leads by the reconcile job.
const leadTotalSchema = new Schema({
  workspaceId: { type: Schema.Types.ObjectId, required: true },
  ownerId: { type: Schema.Types.ObjectId, required: true },
  stage: { type: String, required: true },
  currency: { type: String, default: '' },
  count: { type: Number, default: 0 },
  value: { type: Number, default: 0 },
  withContact: { type: Number, default: 0 },
  withCompany: { type: Number, default: 0 },
  withSource: { type: Number, default: 0 },
  withValue: { type: Number, default: 0 },
  days: { type: Schema.Types.Mixed, default: {} },
});
leadTotalSchema.index({ workspaceId: 1, ownerId: 1, stage: 1, currency: 1 }, { unique: true });

export type LeadTotal = InferSchemaType<typeof leadTotalSchema>;
export const LeadTotalModel = model('LeadTotal', leadTotalSchema);
