import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

import { BUILT_IN_STAGES } from './stages';

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
      stages: { type: [String], default: () => [...BUILT_IN_STAGES] },
      // Names of custom stages in each language (built-in ones come from the catalogue); kept after a
      // stage is removed, so old history and digests still name it.
      stageNames: { type: [{ _id: false, stage: String, en: String, zh: String }], default: () => [] },
      assignment: { type: String, enum: ['creator', 'round_robin'], default: 'creator' },
      // A lead with no interaction for staleDays nudges its owner; escalateDays later, their manager.
      staleDays: { type: Number, default: 3 },
      escalateDays: { type: Number, default: 7 },
      // Nudges wait for the working day: these weekdays (0 = Sunday), between start and end, local time.
      workHours: {
        start: { type: String, default: '09:00' },
        end: { type: String, default: '18:00' },
        days: { type: [Number], default: () => [1, 2, 3, 4, 5] },
      },
      // The weekly digest: weekday (0 = Sunday) and local time; per-team channels ('' team = no team).
      digest: {
        day: { type: Number, default: 1 },
        time: { type: String, default: '09:00' },
        channels: { type: [{ _id: false, team: String, channel: String }], default: () => [] },
      },
      // Where new tickets are posted: a Slack channel id or a WeCom group-robot webhook ('' = the creator).
      supportChannel: { type: String, default: '' },
      // Minutes to first response (claim) and to resolution, per priority.
      sla: {
        high: { claim: { type: Number, default: 60 }, resolve: { type: Number, default: 8 * 60 } },
        normal: { claim: { type: Number, default: 4 * 60 }, resolve: { type: Number, default: 2 * 24 * 60 } },
        low: { claim: { type: Number, default: 24 * 60 }, resolve: { type: Number, default: 5 * 24 * 60 } },
      },
    },
  },
  { timestamps: true },
);
workspaceSchema.index({ platform: 1, externalId: 1 }, { unique: true });

export type Workspace = InferSchemaType<typeof workspaceSchema>;
/** A workspace as the repo returns it: a plain object, never a mongoose document. */
export type WorkspaceEntity = Workspace & { _id: Types.ObjectId };
export const WorkspaceModel = model('Workspace', workspaceSchema);

// The one admin seat of a workspace: its unique index gives it to exactly one of several members who
// arrive at once, even where conditional updates are not atomic (FerretDB on SQLite).
const adminSeatSchema = new Schema({
  workspaceId: { type: Schema.Types.ObjectId, required: true },
  memberId: { type: Schema.Types.ObjectId, default: null },
  at: { type: Date, required: true },
});
adminSeatSchema.index({ workspaceId: 1 }, { unique: true });

export const AdminSeatModel = model('AdminSeat', adminSeatSchema);
