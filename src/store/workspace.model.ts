import { Schema, model, type InferSchemaType, type HydratedDocument } from 'mongoose';

export const DEFAULT_STAGES = ['new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];

const workspaceSchema = new Schema(
  {
    platform: { type: String, required: true, enum: ['slack', 'wecom', 'sandbox'] },
    externalId: { type: String, required: true },
    name: { type: String, default: '' },
    adminClaimed: { type: Boolean, default: false },
    settings: {
      locale: { type: String, required: true },
      timezone: { type: String, required: true },
      phoneRegion: { type: String, required: true },
      currency: { type: String, default: 'CNY' },
      stages: { type: [String], default: () => [...DEFAULT_STAGES] },
      assignment: { type: String, enum: ['creator', 'round_robin'], default: 'creator' },
      staleDays: { type: Number, default: 3 },
    },
  },
  { timestamps: true },
);
workspaceSchema.index({ platform: 1, externalId: 1 }, { unique: true });

export type Workspace = InferSchemaType<typeof workspaceSchema>;
export type WorkspaceDoc = HydratedDocument<Workspace>;
export const WorkspaceModel = model('Workspace', workspaceSchema);
